using Microsoft.Extensions.Hosting;

namespace Tributary.Client;

/// <summary>
/// The lifetime of a client host that its caller owns (it disposes the <see cref="TributaryClient"/>):
/// no signal handling. The default console lifetime would take Ctrl-C and SIGTERM to stop a host that nobody waits on,
/// racing the caller's own handling of them (the CLI's first Ctrl-C cancels the run it follows).
/// </summary>
internal sealed class CallerOwnedLifetime : IHostLifetime
{
    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
