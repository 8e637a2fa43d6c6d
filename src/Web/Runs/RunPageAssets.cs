namespace Tributary.Web.Runs;

/// <summary>The run pages' style and the live page's script.</summary>
internal static class RunPageAssets
{
    /// <summary>The style of every page.</summary>
    public const string Style =
        "body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}"
        + "th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}th{background:#f4f4f4}"
        + "code{font-size:.9em;word-break:break-all}.note,.message{color:#555}"
        + ".status-Success{color:#17692e}.status-Failed,.status-UpstreamFailed,.status-TriggerFailed{color:#a4161a}"
        + ".status-Running,.status-Retrying{color:#1d4ed8}.status-Pending,.status-Skipped{color:#6b7280}";

    /// <summary>
    /// Follows the run while it is not final: a long poll on its progress (<c>/progress?since=VERSION</c>, the same
    /// size whatever the run's), and when the version moved, the counts and this page's rows (one page of tasks, read
    /// at most once a second). Values go through <c>textContent</c> (never <c>innerHTML</c>), so nothing a task
    /// reports can become markup.
    /// </summary>
    public const string LiveScript = """
        (function () {
          var api = document.body.dataset.api;
          var page = document.body.dataset.page || '1';
          var version = document.body.dataset.version || '';
          function duration(ms) {
            if (ms === null || ms === undefined) return '';
            if (ms < 1000) return ms + ' ms';
            if (ms < 60000) return (ms / 1000).toFixed(1) + ' s';
            var s = Math.floor(ms / 1000) % 60;
            return Math.floor(ms / 60000) + ' min ' + (s < 10 ? '0' : '') + s + ' s';
          }
          function cell(row, text, cls) {
            var td = document.createElement('td');
            if (cls) td.className = cls;
            td.textContent = text;
            row.appendChild(td);
            return td;
          }
          function render(run) {
            var status = document.getElementById('run-status');
            status.textContent = run.status;
            status.className = 'status-' + run.status;
            document.getElementById('run-message').textContent = run.message || '';
            document.getElementById('run-finished').textContent = run.finishedAt ? run.finishedAt.replace('T', ' ').substring(0, 19) + ' UTC' : '';
            var body = document.createElement('tbody');
            body.id = 'tasks';
            run.tasks.forEach(function (task) {
              var row = document.createElement('tr');
              cell(row, task.name);
              cell(row, task.status, 'status-' + task.status);
              cell(row, String(task.attempt));
              cell(row, duration(task.durationMs));
              var output = cell(row, '');
              if (task.outputLink) {
                var a = document.createElement('a');
                a.rel = 'noreferrer';
                a.href = task.outputLink;
                a.textContent = task.output || task.outputLink;
                output.appendChild(a);
              } else {
                var code = document.createElement('code');
                code.textContent = task.output || '';
                output.appendChild(code);
              }
              cell(row, task.summary || task.message || '');
              body.appendChild(row);
            });
            document.getElementById('tasks').replaceWith(body);
          }
          function counts(run) {
            var parts = Object.keys(run.counts).map(function (status) { return run.counts[status] + ' ' + status; });
            document.getElementById('run-counts').textContent = run.totalTasks + ' tasks' + (parts.length ? ': ' + parts.join(', ') : '');
          }
          function refresh() {
            return fetch(api + '?page=' + encodeURIComponent(page), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
              .then(function (response) { return response.ok ? response.json() : null; })
              .then(function (run) { if (run) { render(run); counts(run); } });
          }
          function wait() {
            var url = api + '/progress' + (version ? '?since=' + encodeURIComponent(version) : '');
            fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
              .then(function (response) { return response.ok ? response.json() : null; })
              .then(function (progress) {
                if (!progress) { setTimeout(wait, 2000); return; }
                if (progress.version === version && !progress.isFinal) { wait(); return; }
                version = progress.version;
                refresh().then(function () { if (!progress.isFinal) setTimeout(wait, 1000); });
              })
              .catch(function () { setTimeout(wait, 2000); });
          }
          wait();
        })();
        """;
}
