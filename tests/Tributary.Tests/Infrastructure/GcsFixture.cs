namespace Tributary.Tests.Infrastructure;

/// <summary>
/// Gives a test class the run's shared <see cref="GcsTestServer"/> (as a class fixture or through
/// <see cref="GcsCollection"/>); the server is started once per run.
/// </summary>
public sealed class GcsFixture : IAsyncLifetime
{
    private GcsTestServer? _server;

    /// <summary>The shared server.</summary>
    public GcsTestServer Server => _server ?? throw new InvalidOperationException("The GCS fixture is not initialized yet.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await GcsTestServer.Shared;

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;
}
