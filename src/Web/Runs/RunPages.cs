using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Tributary.Web.Runs;

/// <summary>
/// The run pages' HTML, written here rather than with Razor to keep the host small. Every value is HTML-encoded; the
/// live page's script writes values with <c>textContent</c> only.
/// </summary>
public static class RunPages
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    /// <summary>The index: a form that opens a run by its id, and the runs the directory lists.</summary>
    /// <param name="runs">The runs to list, newest first (empty when the directory lists none).</param>
    /// <param name="canList">Whether the directory can list runs.</param>
    public static string Index(IReadOnlyList<RunView> runs, bool canList)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var body = new StringBuilder();
        body.Append("<h1>Flow runs</h1>")
            .Append("<form method=\"get\" action=\"/runs\"><label>Run id <input name=\"id\" required size=\"40\"></label> <button>Open</button></form>");
        if (!canList)
        {
            body.Append("<p class=\"note\">This host keeps no list of runs: open one by the id that <code>tributary run</code> printed.</p>");
        }
        else
        {
            body.Append("<table><thead><tr><th>Run</th><th>Flow</th><th>Status</th><th>Started</th></tr></thead><tbody>");
            foreach (var run in runs)
            {
                body.Append("<tr><td>").Append(RunLink(run.RunId)).Append("</td><td>").Append(Encode(run.Flow))
                    .Append("</td><td class=\"status-").Append(Encode(run.Status)).Append("\">").Append(Encode(run.Status))
                    .Append("</td><td>").Append(Encode(Format(run.StartedAt))).Append("</td></tr>");
            }

            body.Append("</tbody></table>");
        }

        return Layout("Flow runs", body.ToString(), apiPath: null, live: null);
    }

    /// <summary>One run: its parameters, its tasks (status, attempts, duration, safe value), and a script that keeps them live while it runs.</summary>
    /// <param name="run">The run.</param>
    public static string Run(RunView run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var body = new StringBuilder();
        body.Append("<p><a href=\"/runs\">Flow runs</a> · <a href=\"/dashboard/\">Orleans dashboard</a></p>")
            .Append("<h1>Run ").Append(Encode(run.RunId)).Append("</h1>")
            .Append("<p>Flow <strong>").Append(Encode(run.Flow)).Append("</strong> · status <strong id=\"run-status\" class=\"status-")
            .Append(Encode(run.Status)).Append("\">").Append(Encode(run.Status)).Append("</strong>")
            .Append(" · started ").Append(Encode(Format(run.StartedAt)))
            .Append(" · finished <span id=\"run-finished\">").Append(Encode(Format(run.FinishedAt))).Append("</span></p>")
            .Append("<p id=\"run-message\" class=\"message\">").Append(Encode(run.Message ?? string.Empty)).Append("</p>")
            .Append("<h2>Parameters</h2>");
        if (run.Parameters.Count == 0)
        {
            body.Append("<p class=\"note\">None.</p>");
        }
        else
        {
            body.Append("<table><thead><tr><th>Name</th><th>Value (JSON)</th></tr></thead><tbody>");
            foreach (var (name, json) in run.Parameters)
            {
                body.Append("<tr><td>").Append(Encode(name)).Append("</td><td><code>").Append(Encode(json)).Append("</code></td></tr>");
            }

            body.Append("</tbody></table>");
        }

        body.Append("<h2>Tasks</h2>")
            .Append("<p id=\"run-counts\">").Append(Encode(CountsText(run))).Append("</p>");
        AppendPageLinks(body, run);
        body
            .Append("<table><thead><tr><th>Task</th><th>Status</th><th>Attempt</th><th>Duration</th><th>Output (safe value)</th><th>Message</th></tr></thead><tbody id=\"tasks\">");
        foreach (var task in run.Tasks)
        {
            body.Append("<tr><td>").Append(Encode(task.Name)).Append("</td><td class=\"status-").Append(Encode(task.Status)).Append("\">")
                .Append(Encode(task.Status)).Append("</td><td>").Append(task.Attempt.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(Encode(RunViews.FormatDuration(task.DurationMs))).Append("</td><td>");
            if (task.OutputLink is { } link)
            {
                body.Append("<a rel=\"noreferrer\" href=\"").Append(Encode(link)).Append("\">").Append(Encode(task.Output ?? link)).Append("</a>");
            }
            else
            {
                body.Append("<code>").Append(Encode(task.Output ?? string.Empty)).Append("</code>");
            }

            body.Append("</td><td>").Append(Encode(task.Summary ?? task.Message ?? string.Empty)).Append("</td></tr>");
        }

        body.Append("</tbody></table>");
        var live = !run.IsFinal && run.Status != nameof(States.FlowRunStatus.NotFound);
        return Layout($"Run {run.RunId}", body.ToString(), live ? ApiPath(run.RunId) : null, live ? run : null);
    }

    /// <summary>The page's path of page <paramref name="page"/> of a run's task table.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="page">The page, from 1.</param>
    public static string PagePath(string runId, int page) =>
        PagePath(runId) + "?page=" + page.ToString(CultureInfo.InvariantCulture);

    /// <summary>"120 tasks: 80 Success, 40 Pending".</summary>
    private static string CountsText(RunView run) =>
        $"{run.TotalTasks} tasks" + (run.Counts.Count == 0 ? string.Empty : ": " + string.Join(", ", run.Counts.Select(pair => $"{pair.Value} {pair.Key}")));

    private static void AppendPageLinks(StringBuilder body, RunView run)
    {
        if (run.Pages <= 1)
        {
            return;
        }

        body.Append("<p class=\"pages\">Page ").Append(run.Page.ToString(CultureInfo.InvariantCulture))
            .Append(" of ").Append(run.Pages.ToString(CultureInfo.InvariantCulture));
        if (run.Page > 1)
        {
            body.Append(" · <a rel=\"prev\" href=\"").Append(Encode(PagePath(run.RunId, run.Page - 1))).Append("\">previous</a>");
        }

        if (run.Page < run.Pages)
        {
            body.Append(" · <a rel=\"next\" href=\"").Append(Encode(PagePath(run.RunId, run.Page + 1))).Append("\">next</a>");
        }

        body.Append("</p>");
    }

    /// <summary>The page's path of a run.</summary>
    /// <param name="runId">The run's id.</param>
    public static string PagePath(string runId) => "/runs/" + Uri.EscapeDataString(runId);

    /// <summary>The JSON endpoint's path of a run.</summary>
    /// <param name="runId">The run's id.</param>
    public static string ApiPath(string runId) => "/api/runs/" + Uri.EscapeDataString(runId);

    private static string RunLink(string runId) =>
        $"<a href=\"{Encode(PagePath(runId))}\">{Encode(runId)}</a>";

    private static string Format(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Encode(string value) => Encoder.Encode(value);

    /// <summary>The page around <paramref name="body"/>; with <paramref name="apiPath"/>, the live script follows <paramref name="live"/>'s progress.</summary>
    private static string Layout(string title, string body, string? apiPath, RunView? live)
    {
        var page = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(title)).Append(" · Tributary</title><style>").Append(RunPageAssets.Style).Append("</style></head><body");
        if (apiPath is not null)
        {
            page.Append(" data-api=\"").Append(Encode(apiPath)).Append('"');
            if (live is not null)
            {
                page.Append(" data-page=\"").Append(live.Page.ToString(CultureInfo.InvariantCulture)).Append('"')
                    .Append(" data-version=\"").Append(Encode(live.Version ?? string.Empty)).Append('"');
            }
        }

        page.Append('>').Append(body);
        if (apiPath is not null)
        {
            page.Append("<script>").Append(RunPageAssets.LiveScript).Append("</script>");
        }

        return page.Append("</body></html>").ToString();
    }
}
