namespace Tributary.Web.Runs;

/// <summary>
/// A run's progress as <c>/api/runs/{id}/progress</c> gives it: the same size whatever the number of tasks. The live
/// page waits on it (a long poll with <c>?since=VERSION</c>) and reads a page of tasks only when the version changed.
/// </summary>
/// <param name="Version">Opaque; changes whenever the run's or a task's status does.</param>
/// <param name="Status">The run's status.</param>
/// <param name="IsFinal">Whether the run is over (the page stops waiting).</param>
/// <param name="Message">Why the run failed, if it did.</param>
/// <param name="Counts">How many task runs are in each status, statuses with none left out.</param>
public sealed record RunProgressView(string Version, string Status, bool IsFinal, string? Message, IReadOnlyDictionary<string, int> Counts);
