using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tributary.Grains;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace Tributary.Web.Runs;

/// <summary>
/// The run pages (<c>/runs</c>, <c>/runs/{id}</c>) and their JSON (<c>/api/runs/{id}</c>). Everything comes from
/// <see cref="IFlowRunGrain.GetSnapshotAsync"/>: states and safe values only, never an output read through a handler.
/// </summary>
public static class RunEndpoints
{
    /// <summary>How many runs the index lists at most.</summary>
    public const int ListedRuns = 50;

    /// <summary>Maps the run pages and their JSON.</summary>
    /// <param name="endpoints">The host's endpoints.</param>
    /// <returns>The group of the pages, for conventions such as authorization.</returns>
    public static RouteGroupBuilder MapRunPages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(string.Empty);
        group.MapGet("/", () => TypedResults.Redirect("/runs"));
        group.MapGet("/runs", async (string? id, IRunDirectory directory, IGrainFactory grains, CancellationToken cancellationToken) =>
        {
            if (!string.IsNullOrWhiteSpace(id))
            {
                return (IResult)TypedResults.Redirect(RunPages.PagePath(id.Trim()));
            }

            var ids = directory.CanList ? await directory.ListRecentRunIdsAsync(ListedRuns, cancellationToken) : [];
            var runs = await Task.WhenAll(ids.Select(runId => ViewAsync(grains, runId)));
            return Html(RunPages.Index(runs, directory.CanList));
        });
        group.MapGet("/runs/{runId}", async (string runId, IGrainFactory grains) =>
        {
            var run = await ViewAsync(grains, runId);
            return Html(RunPages.Run(run), run.Status == nameof(States.FlowRunStatus.NotFound) ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
        });
        group.MapGet("/api/runs/{runId}", async (string runId, IGrainFactory grains) =>
        {
            var run = await ViewAsync(grains, runId);
            return run.Status == nameof(States.FlowRunStatus.NotFound) ? HttpResults.NotFound(run) : HttpResults.Ok(run);
        });
        return group;
    }

    private static async Task<RunView> ViewAsync(IGrainFactory grains, string runId) =>
        RunViews.From(await grains.GetGrain<IFlowRunGrain>(runId).GetSnapshotAsync());

    private static IResult Html(string html, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Content(html, "text/html; charset=utf-8", statusCode: statusCode);
}
