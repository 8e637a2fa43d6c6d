using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Tributary.Client;
using Tributary.Hosting;
using Tributary.Tests.Infrastructure;
using Tributary.Web.Hosting;

namespace Tributary.Tests.Web;

/// <summary>
/// A silo web host started in this process the way <c>src/Silo/Program.cs</c> builds one (WebApplication, UseOrleans
/// with UseTributaryHosting and AddTributary, AddTributaryTelemetry, AddTributaryWeb, MapTributaryWeb), on free loopback ports, with the
/// test's flows. WebApplicationFactory does not fit: it replaces the server, and the silo needs real sockets.
/// </summary>
public sealed class WebSiloHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebSiloHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The address the host answers on (loopback, whatever it listens on).</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client of <see cref="BaseAddress"/> that sends no key.</summary>
    public HttpClient Http { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The silo's client, to start runs.</summary>
    public ITributaryClient Client => _app.Services.GetRequiredService<ITributaryClient>();

    /// <summary>Starts a host; <c>Tributary:Web:Urls</c> defaults to a loopback URL on a port the system picks.</summary>
    /// <param name="settings">Settings over the defaults (e.g. <c>Tributary:Web:Urls</c>, <c>Tributary:Web:ApiKey</c>).</param>
    /// <param name="configureFlows">The flows.</param>
    public static async Task<WebSiloHost> StartAsync(IReadOnlyDictionary<string, string?> settings, Action<TributaryBuilder> configureFlows)
    {
        int siloPort;
        using (var held = new ClosedPort())
        {
            siloPort = held.Port;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tributary:Cluster:SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Tributary:Web:Urls"] = "http://127.0.0.1:0",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo
            .UseTributaryHosting(builder.Configuration)
            .Configure<EndpointOptions>(options => options.GatewayPort = 0)
            .AddTributary(configureFlows));
        builder.Services.AddTributaryTelemetry(builder.Configuration);
        builder.AddTributaryWeb();
        var app = builder.Build().MapTributaryWeb();
        await app.StartAsync();
        // The URL as bound (port 0 resolved); "0.0.0.0" or "[::]" is reached on the loopback address.
        var bound = new Uri(app.Urls.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return new WebSiloHost(app, bound);
    }

    /// <summary>A request that carries <paramref name="apiKey"/> in the <c>X-Api-Key</c> header.</summary>
    public Task<HttpResponseMessage> GetWithKeyAsync(string path, string apiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", apiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return Http.SendAsync(request);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
