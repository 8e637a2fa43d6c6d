using System.Net;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Web;

/// <summary>A silo web host exposed beyond the loopback address: the dashboard and the run pages ask for the key.</summary>
public sealed class WebAuthenticationTests
{
    private static readonly string[] GuardedPaths = ["/runs", "/runs/some-run", "/api/runs/some-run", "/dashboard/", "/dashboard/ClusterStats"];

    [Fact]
    public async Task ExposedHost_AnonymousOrWrongKey_Gets401_WithTheKey_Gets200_HealthzStaysOpen()
    {
        using var results = new TempDirectory();
        var key = $"key-{Guid.NewGuid():N}";
        await using var host = await WebSiloHost.StartAsync(
            new Dictionary<string, string?> { ["Tributary:Web:Urls"] = "http://0.0.0.0:0", ["Tributary:Web:ApiKey"] = key },
            tributary => WebFlows.Register(tributary, results.Path));

        foreach (var path in GuardedPaths)
        {
            using var anonymous = await host.Http.GetAsync(path);
            using var wrong = await host.GetWithKeyAsync(path, "not-the-key");
            using var keyed = await host.GetWithKeyAsync(path, key);

            Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"{path}: {anonymous.StatusCode}");
            Assert.Equal("ApiKey", anonymous.Headers.WwwAuthenticate.ToString());
            Assert.True(wrong.StatusCode == HttpStatusCode.Unauthorized, $"{path} with a wrong key: {wrong.StatusCode}");
            Assert.True(keyed.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path} with the key: {keyed.StatusCode}");
        }

        using var runs = await host.GetWithKeyAsync("/runs", key);
        using var authorization = new HttpRequestMessage(HttpMethod.Get, "/dashboard/") { Headers = { { "Authorization", $"ApiKey {key}" } } };
        using var dashboard = await host.Http.SendAsync(authorization);
        using var health = await host.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, runs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
