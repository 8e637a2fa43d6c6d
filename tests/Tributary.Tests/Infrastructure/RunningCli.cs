using System.Diagnostics;
using System.Text;

namespace Tributary.Tests.Infrastructure;

/// <summary>A <c>tributary</c> process that is running: its output as it comes, and its end.</summary>
public sealed class RunningCli : IDisposable
{
    private readonly Process _process;
    private readonly TempDirectory _results;
    private readonly StringBuilder _output = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];

    internal RunningCli(ProcessStartInfo start, TempDirectory results)
    {
        _results = results;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += OnLine;
        _process.ErrorDataReceived += OnLine;
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The process id (to signal it).</summary>
    public int Id => _process.Id;

    /// <summary>Everything written so far, standard output and error as they came.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Waits until a line containing <paramref name="text"/> is written; fails if the process ends first or the time runs out.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            _awaited.Add((text, seen));
        }

        var first = await Task.WhenAny(seen.Task, _process.WaitForExitAsync()).WaitAsync(timeout);
        if (first != seen.Task)
        {
            // The process may end before its last lines are read: wait for the end of its output, then look again.
            _process.WaitForExit();
            if (Output.Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            Assert.Fail($"The CLI ended (exit code {_process.ExitCode}) before writing '{text}'. Output:\n{Output}");
        }
    }

    /// <summary>Waits for the process to end and gives its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The CLI did not end within {timeout}. Output:\n{Output}");
        }

        return (_process.ExitCode, Output);
    }

    /// <summary>Kills the process if it still runs, and removes its results folder.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _results.Dispose();
    }

    private void OnLine(object? sender, DataReceivedEventArgs line)
    {
        if (line.Data is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line.Data);
            foreach (var (text, seen) in _awaited.Where(awaited => line.Data.Contains(awaited.Text, StringComparison.Ordinal)).ToArray())
            {
                seen.TrySetResult();
                _awaited.Remove((text, seen));
            }
        }
    }
}
