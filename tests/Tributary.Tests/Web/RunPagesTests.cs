using System.Collections.Immutable;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.States;
using Tributary.Web.Runs;

namespace Tributary.Tests.Web;

/// <summary>The run pages' HTML and views, without a host.</summary>
public sealed class RunPagesTests
{
    [Fact]
    public void Run_ValuesHoldMarkup_EveryValueIsEncoded()
    {
        var run = new RunView(
            "<run>",
            "<flow>",
            "Failed",
            IsFinal: true,
            "<script>alert(1)</script>",
            StartedAt: null,
            FinishedAt: null,
            new Dictionary<string, string> { ["<param>"] = "\"<img src=x onerror=alert(1)>\"" },
            [new TaskView("<task>", "Failed", 2, 1500, "<i>path</i>", OutputLink: null, "<b>boom</b>", Summary: null),
             new TaskView("link", "Success", 1, 20, "https://example.com/a?b=1&c=\"2\"", "https://example.com/a?b=1&c=%222%22", null, null)]);

        var html = RunPages.Run(run);

        foreach (var raw in new[] { "<run>", "<flow>", "<script>alert", "<param>", "<img", "<task>", "<i>path", "<b>boom" })
        {
            Assert.DoesNotContain(raw, html);
        }

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("<a rel=\"noreferrer\" href=\"https://example.com/a?b=1&amp;c=%222%22\">", html);
        Assert.Contains("<td>1.5 s</td>", html);
    }

    [Fact]
    public void From_SafeValues_ShowsStringsBareLinksHttpUrisAndCutsLongJson()
    {
        var handler = new ResultHandlerDescriptor("test");
        var snapshot = new FlowRunSnapshot(
            new FlowRunState { FlowRunId = "r", FlowName = "f", Status = FlowRunStatus.Running },
            [
                Task("uri", new SafeResult("\"https://account.blob.core.windows.net/c/r/uri\"", handler)),
                Task("path", new SafeResult("\"/data/results/r/path\"", handler)),
                Task("json", new SafeResult($"[{string.Join(',', Enumerable.Repeat("12345", 100))}]", handler)),
                Task("none", output: null),
            ]);

        var view = RunViews.From(snapshot);

        Assert.Equal("https://account.blob.core.windows.net/c/r/uri", view.Tasks[0].Output);
        Assert.Equal("https://account.blob.core.windows.net/c/r/uri", view.Tasks[0].OutputLink);
        Assert.Equal("/data/results/r/path", view.Tasks[1].Output);
        Assert.Null(view.Tasks[1].OutputLink);
        Assert.Equal(RunViews.MaxOutputLength + 1, view.Tasks[2].Output!.Length);
        Assert.EndsWith("…", view.Tasks[2].Output);
        Assert.Null(view.Tasks[3].Output);
        Assert.False(view.IsFinal);
    }

    private static TaskRunState Task(string name, SafeResult? output) => new()
    {
        FlowRunId = "r",
        FlowName = "f",
        TaskName = name,
        Status = output is null ? TaskRunStatus.Pending : TaskRunStatus.Success,
        Output = output,
        CachedInputs = ImmutableDictionary<string, SafeResult>.Empty,
    };
}
