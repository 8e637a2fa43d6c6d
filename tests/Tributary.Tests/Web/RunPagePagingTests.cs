using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tributary.States;
using Tributary.Web.Runs;

namespace Tributary.Tests.Web;

/// <summary>
/// A run page shows its task table a page at a time (<c>?page=N</c>, <see cref="RunEndpoints.TasksPerPage"/> tasks),
/// with the run's counts, and serves the run's progress for the live page's long poll.
/// </summary>
public sealed class RunPagePagingTests(WebSiloFixture web) : IClassFixture<WebSiloFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task RunPage_SixtyFourTasks_ShowsTwoPagesEachTaskOnOneOfThem()
    {
        // secret, words, the map lengths and its 61 children (60 words of the label, one of the canary): 64 rows.
        var runId = $"web-paging-{Guid.NewGuid():N}";
        WebFlows.Canaries[runId] = "canary";
        var label = string.Join(':', Enumerable.Repeat("w", 60));
        await web.Host.Client.StartFlowRunAsync(WebFlows.Canary, new Dictionary<string, object?> { ["label"] = label }, runId);
        var final = await web.Host.Client.WaitForFlowRunAsync(runId, Timeout);
        Assert.True(final.Flow.Status == FlowRunStatus.Success, final.Flow.Message);

        var first = await web.Host.Http.GetStringAsync(RunPages.PagePath(runId));
        var second = await web.Host.Http.GetStringAsync(RunPages.PagePath(runId, 2));
        var json = await web.Host.Http.GetFromJsonAsync<RunView>(RunPages.ApiPath(runId) + "?page=2", Json);
        using var third = await web.Host.Http.GetAsync(RunPages.PagePath(runId, 3));
        using var zero = await web.Host.Http.GetAsync(RunPages.PagePath(runId, 0));

        Assert.Equal(64, final.Tasks.Length);
        var shownFirst = final.Tasks.Take(50).Select(task => task.TaskName).ToArray();
        var shownSecond = final.Tasks.Skip(50).Select(task => task.TaskName).ToArray();
        Assert.All(shownFirst, name => Assert.Contains(Cell(name), first));
        Assert.All(shownSecond, name => Assert.DoesNotContain(Cell(name), first));
        Assert.All(shownSecond, name => Assert.Contains(Cell(name), second));
        Assert.All(shownFirst, name => Assert.DoesNotContain(Cell(name), second));
        Assert.Contains("Page 1 of 2", first);
        Assert.Contains($"rel=\"next\" href=\"{HtmlEncoder.Default.Encode(RunPages.PagePath(runId, 2))}\"", first);
        Assert.Contains("Page 2 of 2", second);
        Assert.Contains($"rel=\"prev\" href=\"{HtmlEncoder.Default.Encode(RunPages.PagePath(runId, 1))}\"", second);
        Assert.Contains("64 tasks: 64 Success", second);
        Assert.Equal((2, 2, 64, 14), (json!.Page, json.Pages, json.TotalTasks, json.Tasks.Count));
        Assert.Equal(shownSecond, json.Tasks.Select(task => task.Name));
        Assert.Equal(64, json.Counts["Success"]);
        Assert.Equal(HttpStatusCode.BadRequest, third.StatusCode);
        Assert.Contains("page=3 is out of range", await third.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
    }

    [Fact]
    public async Task RunProgress_LiveRun_AnswersAtOnceThenWhenTheVersionMoves()
    {
        var runId = $"web-paging-live-{Guid.NewGuid():N}";
        WebFlows.Canaries[runId] = "canary";
        await web.Host.Client.StartFlowRunAsync(WebFlows.Live, flowRunId: runId);

        var now = await ProgressAsync(runId, since: null);
        var html = await web.Host.Http.GetStringAsync(RunPages.PagePath(runId));
        var waiting = ProgressAsync(runId, now.Version); // held: nothing moves while 'first' waits on its gate
        var heldWhileNothingChanged = !waiting.IsCompleted;
        Runs.TaskProbes.Gate(runId, "first").TrySetResult();
        var changed = await waiting;
        var final = await web.Host.Client.WaitForFlowRunProgressAsync(runId, Timeout);
        var done = await ProgressAsync(runId, since: null);

        Assert.False(now.IsFinal);
        Assert.Contains($"data-version=\"{HtmlEncoder.Default.Encode(now.Version)}\"", html); // the page's script waits from there
        Assert.Contains("<script>", html);
        Assert.True(heldWhileNothingChanged, "The long poll answered before anything changed.");
        Assert.NotEqual(now.Version, changed.Version);
        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.True(done.IsFinal);
        Assert.Equal(2, done.Counts["Success"]);
    }

    private static string Cell(string name) => $"<td>{HtmlEncoder.Default.Encode(name)}</td>";

    private async Task<RunProgressView> ProgressAsync(string runId, string? since)
    {
        var path = RunPages.ApiPath(runId) + "/progress" + (since is null ? string.Empty : "?since=" + Uri.EscapeDataString(since));
        return (await web.Host.Http.GetFromJsonAsync<RunProgressView>(path, Json))!;
    }
}
