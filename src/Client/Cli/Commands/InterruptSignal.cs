using System.Runtime.InteropServices;

namespace Tributary.Cli.Commands;

/// <summary>
/// Ctrl-C (SIGINT) as cancellation tokens: the first one cancels <see cref="Token"/>, a second one <see cref="SecondToken"/>;
/// each keeps the process alive, so the command can say what happens to its run before it exits.
/// </summary>
/// <remarks>
/// The cluster client's host leaves signals to its caller (<c>CallerOwnedLifetime</c>): a console lifetime of its own
/// once took Ctrl-C first, and <c>run --cluster</c> then went on following the run.
/// </remarks>
internal sealed class InterruptSignal : IDisposable
{
    private readonly CancellationTokenSource _interrupted = new();
    private readonly CancellationTokenSource _again = new();
    private readonly PosixSignalRegistration _registration;

    /// <summary>Starts listening for Ctrl-C.</summary>
    public InterruptSignal()
    {
        _registration = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            if (_interrupted.IsCancellationRequested)
            {
                _again.Cancel();
            }
            else
            {
                _interrupted.Cancel();
            }
        });
    }

    /// <summary>Cancelled at the first Ctrl-C.</summary>
    public CancellationToken Token => _interrupted.Token;

    /// <summary>Whether Ctrl-C was pressed.</summary>
    public bool IsRequested => _interrupted.IsCancellationRequested;

    /// <summary>Cancelled at the second Ctrl-C.</summary>
    public CancellationToken SecondToken => _again.Token;

    /// <summary>Whether Ctrl-C was pressed twice.</summary>
    public bool IsRequestedAgain => _again.IsCancellationRequested;

    /// <inheritdoc />
    public void Dispose()
    {
        _registration.Dispose();
        _interrupted.Dispose();
        _again.Dispose();
    }
}
