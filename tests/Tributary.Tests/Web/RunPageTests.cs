using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tributary.States;
using Tributary.Tests.Runs;
using Tributary.Web.Runs;

namespace Tributary.Tests.Web;

/// <summary>The run pages of a silo host: what a finished run shows (and never shows), and a live run.</summary>
public sealed class RunPageTests(WebSiloFixture web) : IClassFixture<WebSiloFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task RunPage_FinishedRun_ShowsTasksStatusesAndSafeValuesButNoCanary()
    {
        var runId = $"web-{Guid.NewGuid():N}";
        var canary = $"CANARY-{Guid.NewGuid():N}";
        WebFlows.Canaries[runId] = canary;
        await web.Host.Client.StartFlowRunAsync(WebFlows.Canary, new Dictionary<string, object?> { ["label"] = "<b>bold</b>" }, runId);
        var final = await web.Host.Client.WaitForFlowRunAsync(runId, Timeout);
        Assert.True(final.Flow.Status == FlowRunStatus.Success, final.Flow.Message);
        var secretPath = JsonSerializer.Deserialize<string>(final.Tasks.Single(task => task.TaskName == "secret").Output!.Json)!;

        using var response = await web.Host.Http.GetAsync($"/runs/{runId}");
        var html = await response.Content.ReadAsStringAsync();
        var json = await web.Host.Http.GetStringAsync($"/api/runs/{runId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var task in new[] { "secret", "words", "lengths", "lengths[0]", "lengths[1]" })
        {
            Assert.Contains($"<td>{HtmlEncoder.Default.Encode(task)}</td>", html);
        }

        Assert.Contains("2 children", html); // a page shows a map's count; its children are rows of their own
        Assert.Contains(HtmlEncoder.Default.Encode(secretPath), html);
        Assert.Contains("class=\"status-Success\">Success</td>", html);
        Assert.Contains("<td>label</td>", html);
        Assert.DoesNotContain("<b>bold", html);
        Assert.DoesNotContain("<script>", html); // a final run is not polled
        // The product's promise: the page and its JSON show where the output is, never the output.
        Assert.DoesNotContain(canary, html, StringComparison.Ordinal);
        Assert.DoesNotContain(canary, json, StringComparison.Ordinal);
        Assert.Contains(canary, await File.ReadAllTextAsync(secretPath)); // ...though the handler's storage holds it
    }

    [Fact]
    public async Task RunJson_LiveRun_ChangesWhileTheRunRuns()
    {
        var runId = $"web-live-{Guid.NewGuid():N}";
        var canary = $"CANARY-{Guid.NewGuid():N}";
        WebFlows.Canaries[runId] = canary;
        await web.Host.Client.StartFlowRunAsync(WebFlows.Live, flowRunId: runId);

        var running = await PollAsync(runId, run => Status(run, "first") == "Running");
        using var page = await web.Host.Http.GetAsync($"/runs/{runId}");
        var html = await page.Content.ReadAsStringAsync();
        TaskProbes.Gate(runId, "first").TrySetResult();
        var done = await PollAsync(runId, run => run.IsFinal);

        Assert.Equal("Running", running.Status);
        Assert.Equal("Pending", Status(running, "second"));
        Assert.Contains($"data-api=\"/api/runs/{runId}\"", html); // the page polls the JSON while the run runs
        Assert.Contains("<script>", html);
        Assert.Equal("Success", done.Status);
        Assert.Equal(["Success", "Success"], done.Tasks.Select(task => task.Status));
        Assert.All(done.Tasks, task => Assert.Equal(1, task.Attempt));
        Assert.All(done.Tasks, task => Assert.NotNull(task.Output));
        Assert.DoesNotContain(canary, await web.Host.Http.GetStringAsync($"/api/runs/{runId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunPage_UnknownRun_Returns404NotFound()
    {
        using var page = await web.Host.Http.GetAsync("/runs/no-such-run");
        using var json = await web.Host.Http.GetAsync("/api/runs/no-such-run");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("NotFound", await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain("<script>", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, json.StatusCode);
    }

    [Fact]
    public async Task RunPage_RunIdWithSpaceAndUrlCharacters_LinksAndServesIt()
    {
        var runId = $"team a+b #1 100%?<x>-{Guid.NewGuid():N}";
        WebFlows.Canaries[runId] = "not shown";
        await web.Host.Client.StartFlowRunAsync(WebFlows.Canary, new Dictionary<string, object?> { ["label"] = "x" }, runId);
        await web.Host.Client.WaitForFlowRunAsync(runId, Timeout);

        using var page = await web.Host.Http.GetAsync(RunPages.PagePath(runId));
        var json = await web.Host.Http.GetFromJsonAsync<RunView>(RunPages.ApiPath(runId), Json);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"<h1>Run {HtmlEncoder.Default.Encode(runId)}</h1>", await page.Content.ReadAsStringAsync());
        Assert.Equal(runId, json!.RunId);
        Assert.Equal("Success", json.Status);
    }

    private static string Status(RunView run, string task) => run.Tasks.Single(row => row.Name == task).Status;

    // Polls the JSON endpoint, as the page's script does, until the run is as expected.
    [Fact]
    public async Task RunsIndex_RunsOfTheRunIndex_ListedNewestFirst()
    {
        var older = await RunCanaryFlowAsync("web-index-older");
        var newer = await RunCanaryFlowAsync("web-index-newer");

        // The index learns of a run's start and end a moment after the run's own state: wait until both are listed.
        using var deadline = new CancellationTokenSource(Timeout);
        string html;
        while (!(html = await web.Host.Http.GetStringAsync("/runs", deadline.Token)).Contains(older, StringComparison.Ordinal)
            || !html.Contains(newer, StringComparison.Ordinal))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }

        Assert.DoesNotContain("keeps no list", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf(newer, StringComparison.Ordinal) < html.IndexOf(older, StringComparison.Ordinal), html);
    }

    private async Task<string> RunCanaryFlowAsync(string prefix)
    {
        var runId = $"{prefix}-{Guid.NewGuid():N}";
        WebFlows.Canaries[runId] = $"CANARY-{Guid.NewGuid():N}";
        await web.Host.Client.StartFlowRunAsync(WebFlows.Canary, new Dictionary<string, object?> { ["label"] = "x" }, runId);
        Assert.Equal(FlowRunStatus.Success, (await web.Host.Client.WaitForFlowRunAsync(runId, Timeout)).Flow.Status);
        return runId;
    }

    private async Task<RunView> PollAsync(string runId, Func<RunView, bool> condition)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (true)
        {
            var run = await web.Host.Http.GetFromJsonAsync<RunView>($"/api/runs/{runId}", Json, deadline.Token);
            if (run is not null && condition(run))
            {
                return run;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }
}
