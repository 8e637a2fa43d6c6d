using System.Runtime.InteropServices;

namespace Tributary.Cli.Commands;

/// <summary>
/// Ctrl-C (SIGINT) as cancellation tokens: the first one cancels <see cref="Token"/>, a second one <see cref="SecondToken"/>;
/// each keeps the process alive, so the command can say what happens to its run before it exits.
/// </summary>
/// <remarks>
/// The cluster client's host has a console lifetime of its own, which swallows Ctrl-C to stop a host that nobody
/// waits on here: <c>run --cluster</c> ignored Ctrl-C and waited for the run's end. This registration comes later, so
/// the command hears the signal too.
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
