using Tributary.Tests.Infrastructure;
using Tributary.Tests.Runs;

namespace Tributary.Tests.Web;

/// <summary>
/// The run page and the Orleans dashboard in a real browser (the system's headless Chromium). Screenshots go to the
/// test output folder; with TRIBUTARY_UPDATE_SCREENSHOTS=1 also to <c>docs/</c>, which the README shows (so a test run
/// does not dirty the repository).
/// </summary>
public sealed class RunPageBrowserTests(WebSiloFixture web) : IClassFixture<WebSiloFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [ChromiumFact]
    public async Task RunPage_InBrowserDuringALiveRun_TaskStatesChangeAndNoCanaryShows()
    {
        using var deadline = new CancellationTokenSource(Timeout);
        var runId = $"web-browser-{Guid.NewGuid():N}";
        var canary = $"CANARY-{Guid.NewGuid():N}";
        WebFlows.Canaries[runId] = canary;
        await web.Host.Client.StartFlowRunAsync(WebFlows.Live, flowRunId: runId, cancellationToken: deadline.Token);
        await using var browser = await HeadlessChromium.StartAsync(deadline.Token);

        await browser.NavigateAsync(new Uri(web.Host.BaseAddress, $"/runs/{runId}"), deadline.Token);
        await browser.WaitUntilAsync(TaskStatusIs("first", "Running"), deadline.Token);
        var secondWhileRunning = await TaskStatusAsync(browser, "second", deadline.Token);
        await SaveScreenshotAsync(browser, "run-page-live.png", deadline.Token);
        TaskProbes.Gate(runId, "first").TrySetResult();
        // The page's own script polls the JSON and rewrites the rows: nothing here reloads it.
        await browser.WaitUntilAsync(
            $"document.getElementById('run-status').textContent === 'Success' && {TaskStatusIs("second", "Success")}", deadline.Token);
        await SaveScreenshotAsync(browser, "run-page.png", deadline.Token);
        var html = await browser.ContentAsync(deadline.Token);

        Assert.Equal("Pending", secondWhileRunning);
        Assert.Contains("<td class=\"status-Success\">Success</td>", html);
        Assert.DoesNotContain(canary, html, StringComparison.Ordinal);
        // The handler's storage holds the canary, so the page could have shown it.
        Assert.Single(Directory.GetFiles(web.Results, "*", SearchOption.AllDirectories), file => File.ReadAllText(file).Contains(canary, StringComparison.Ordinal));
    }

    [ChromiumFact]
    public async Task Dashboard_InBrowser_RendersTheOrleansDashboard()
    {
        using var deadline = new CancellationTokenSource(Timeout);
        await using var browser = await HeadlessChromium.StartAsync(deadline.Token);

        await browser.NavigateAsync(new Uri(web.Host.BaseAddress, "/dashboard/"), deadline.Token);
        // The dashboard is a script application: wait until it has drawn its content, not only loaded.
        await browser.WaitUntilAsync("document.title === 'Orleans Dashboard' && document.body.innerText.includes('Silo')", deadline.Token);
        await SaveScreenshotAsync(browser, "dashboard.png", deadline.Token);

        Assert.Contains("Orleans Dashboard", await browser.ContentAsync(deadline.Token));
    }

    private static string TaskStatusIs(string task, string status) =>
        $"Array.from(document.querySelectorAll('#tasks tr')).some(row => row.cells[0].textContent === '{task}' && row.cells[1].textContent === '{status}')";

    private static async Task<string?> TaskStatusAsync(HeadlessChromium browser, string task, CancellationToken cancellationToken) =>
        (string?)await browser.EvaluateAsync(
            $"Array.from(document.querySelectorAll('#tasks tr')).filter(row => row.cells[0].textContent === '{task}').map(row => row.cells[1].textContent)[0]",
            cancellationToken);

    private static async Task SaveScreenshotAsync(HeadlessChromium browser, string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        await browser.ScreenshotAsync(path, cancellationToken);
        if (Environment.GetEnvironmentVariable("TRIBUTARY_UPDATE_SCREENSHOTS") == "1")
        {
            var docs = Path.Combine(RepositoryRoot.Path, "docs");
            Directory.CreateDirectory(docs);
            File.Copy(path, Path.Combine(docs, name), overwrite: true);
        }
    }
}
