using System.Diagnostics;

namespace Tributary.Tests.Infrastructure;

/// <summary>Runs a program to its end (killing it after a timeout) and gives its exit code and output.</summary>
public static class ProcessRunner
{
    /// <summary>Starts <paramref name="start"/> (which must redirect standard output and error) and waits for it.</summary>
    /// <param name="start">What to run.</param>
    /// <param name="timeout">How long it may run.</param>
    /// <param name="what">Names the program in the timeout error.</param>
    /// <returns>The exit code, and standard output followed by standard error.</returns>
    public static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo start, TimeSpan timeout, string what)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{what} did not end within {timeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
