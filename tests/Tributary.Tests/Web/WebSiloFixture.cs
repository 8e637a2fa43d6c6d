using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Web;

/// <summary>One loopback silo web host without a key, shared by the tests of a class.</summary>
public sealed class WebSiloFixture : IAsyncLifetime
{
    private readonly TempDirectory _results = new();
    private WebSiloHost? _host;

    /// <summary>The host.</summary>
    public WebSiloHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>Where the local handler writes checkpoints.</summary>
    public string Results => _results.Path;

    /// <inheritdoc />
    public async Task InitializeAsync() =>
        _host = await WebSiloHost.StartAsync(new Dictionary<string, string?>(), tributary => WebFlows.Register(tributary, _results.Path));

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _results.Dispose();
    }
}
