using System.Text.Json.Nodes;

namespace Tributary.Handlers;

/// <summary>
/// An optional capability of a result handler that places writes by key (<see cref="IResultHandler.LocationOf"/>): it can
/// tell whether a location still holds something and list what is stored under one run's key prefix
/// (<c>yyyy/MM/dd/flow/run/</c>). Retention uses it to report results already gone and to sweep a run's prefix for
/// results no state names (a checkpoint written by an attempt whose state was never stored). The local, Azure Blob,
/// S3 and Google Cloud Storage handlers implement it; handlers without it have only the results their states name deleted.
/// </summary>
public interface IResultLocationLister
{
    /// <summary>Whether something is stored at a location.</summary>
    /// <param name="location">The location as written.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    Task<bool> ExistsAsync(JsonNode? location, CancellationToken cancellationToken = default);

    /// <summary>
    /// The locations stored under one run's keys made on <paramref name="day"/> (the <c>yyyy/MM/dd/flow/run/</c> prefix of
    /// <see cref="Results.ResultKey.ToRelativePath"/>), as <see cref="IResultHandler.WriteAsync(object?, Type, Results.ResultKey, CancellationToken)"/>
    /// returned them; none when nothing is.
    /// </summary>
    /// <param name="flowName">The run's flow.</param>
    /// <param name="flowRunId">The run.</param>
    /// <param name="day">The day (UTC) the keys were made.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    Task<IReadOnlyList<JsonNode>> ListRunLocationsAsync(string flowName, string flowRunId, DateOnly day, CancellationToken cancellationToken = default);
}
