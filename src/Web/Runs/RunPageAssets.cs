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
    /// Polls the run's JSON every second while the run is not final and rewrites the task rows. Values go through
    /// <c>textContent</c> (never <c>innerHTML</c>), so nothing a task reports can become markup.
    /// </summary>
    public const string LiveScript = """
        (function () {
          var api = document.body.dataset.api;
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
          function poll() {
            fetch(api, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
              .then(function (response) { return response.ok ? response.json() : null; })
              .then(function (run) {
                if (run) render(run);
                if (!run || !run.isFinal) setTimeout(poll, 1000);
              })
              .catch(function () { setTimeout(poll, 2000); });
          }
          setTimeout(poll, 1000);
        })();
        """;
}
