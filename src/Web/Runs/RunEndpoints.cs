using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tributary.Grains;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace Tributary.Web.Runs;

/// <summary>
/// The run pages (<c>/runs</c>, <c>/runs/{id}?page=N</c>) and their JSON (<c>/api/runs/{id}?page=N</c>, and
/// <c>/api/runs/{id}/progress?since=VERSION</c>, a long poll). A run's page costs its progress and one page of tasks
/// (<see cref="IFlowRunGrain.GetTaskPageAsync"/>), whatever the run's size; the index, one state call per run. States
/// and safe values only, never an output read through a handler.
/// </summary>
public static class RunEndpoints
{
    /// <summary>How many runs the index lists at most.</summary>
    public const int ListedRuns = 50;

    /// <summary>How many tasks one page of a run's table shows.</summary>
    public const int TasksPerPage = 50;

    /// <summary>How long a progress long poll is held when nothing changes; below Orleans' response timeout.</summary>
    public static readonly TimeSpan ProgressWait = TimeSpan.FromSeconds(20);

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
            var runs = await Task.WhenAll(ids.Select(async runId =>
                RunViews.From(new States.FlowRunSnapshot(await grains.GetGrain<IFlowRunGrain>(runId).GetStateAsync(), []))));
            return Html(RunPages.Index(runs, directory.CanList));
        });
        group.MapGet("/runs/{runId}", async (string runId, int? page, IGrainFactory grains) =>
        {
            if (await ViewAsync(grains, runId, page ?? 1) is not { } run)
            {
                return PageOutOfRange(page);
            }

            return Html(RunPages.Run(run), run.Status == nameof(States.FlowRunStatus.NotFound) ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
        });
        group.MapGet("/api/runs/{runId}", async (string runId, int? page, IGrainFactory grains) =>
        {
            if (await ViewAsync(grains, runId, page ?? 1) is not { } run)
            {
                return PageOutOfRange(page);
            }

            return run.Status == nameof(States.FlowRunStatus.NotFound) ? HttpResults.NotFound(run) : HttpResults.Ok(run);
        });
        group.MapGet("/api/runs/{runId}/progress", async (string runId, string? since, IGrainFactory grains, CancellationToken cancellationToken) =>
        {
            var progress = await grains.GetGrain<IFlowRunGrain>(runId).WaitForChangeAsync(since, since is null ? TimeSpan.Zero : ProgressWait, cancellationToken);
            var view = RunViews.From(progress);
            return progress.Status == States.FlowRunStatus.NotFound ? HttpResults.NotFound(view) : HttpResults.Ok(view);
        });
        return group;
    }

    /// <summary>A run's view with page <paramref name="page"/> of its tasks; <see langword="null"/> for a page before the first or past the last.</summary>
    private static async Task<RunView?> ViewAsync(IGrainFactory grains, string runId, int page)
    {
        var offset = ((long)page - 1) * TasksPerPage;
        if (page < 1 || offset > int.MaxValue)
        {
            return null;
        }

        var grain = grains.GetGrain<IFlowRunGrain>(runId);
        var progress = await grain.WaitForChangeAsync(null, TimeSpan.Zero);
        var tasks = await grain.GetTaskPageAsync((int)offset, TasksPerPage);
        return tasks.Tasks.IsEmpty && page > 1 && progress.Status != States.FlowRunStatus.NotFound ? null : RunViews.From(tasks, progress, page, TasksPerPage);
    }

    private static IResult PageOutOfRange(int? page) =>
        TypedResults.Content(
            $"page={page} is out of range: pages are numbered from 1 to the last page the run's table has ({TasksPerPage} tasks a page).",
            "text/plain; charset=utf-8",
            statusCode: StatusCodes.Status400BadRequest);

    private static IResult Html(string html, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Content(html, "text/html; charset=utf-8", statusCode: statusCode);
}
