namespace Tributary.Tests.Infrastructure;

/// <summary>
/// Gives a test class the run's shared <see cref="AzuriteServer"/>. Use it through the <c>"Azurite"</c> collection
/// (<c>[Collection(AzuriteCollection.Name)]</c>) or as a class fixture; either way the server is started once per run.
/// </summary>
/// <remarks>Disposing the fixture does not stop the shared server: other collections may still use it.</remarks>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    /// <summary>The shared server.</summary>
    public AzuriteServer Server => _server ?? throw new InvalidOperationException("The Azurite fixture is not initialized yet.");

    /// <summary>The full development-storage connection string of the shared server.</summary>
    public string ConnectionString => Server.ConnectionString;

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await AzuriteServer.Shared;

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;
}
