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

    [Fact]
    public async Task ExposedHost_Browser_IsSentToLoginAndSignsInOnceWithTheKey()
    {
        using var results = new TempDirectory();
        var key = $"key-{Guid.NewGuid():N}";
        await using var host = await WebSiloHost.StartAsync(
            new Dictionary<string, string?> { ["Tributary:Web:Urls"] = "http://0.0.0.0:0", ["Tributary:Web:ApiKey"] = key },
            tributary => WebFlows.Register(tributary, results.Path));
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = host.BaseAddress };
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        using var before = await browser.GetAsync("/runs");
        using var wrong = await browser.PostAsync("/login", Form("not-the-key", "/runs"));
        using var elsewhere = await browser.PostAsync("/login", Form(key, "//evil.example.com/"));
        using var after = await browser.GetAsync("/runs");
        using var dashboard = await browser.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.Equal("/login?returnUrl=%2Fruns", new Uri(host.BaseAddress, before.Headers.Location!).PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Equal("/runs", elsewhere.Headers.Location?.OriginalString); // never sent to another host
        Assert.Contains(elsewhere.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("tributary-auth=", StringComparison.Ordinal)
            && cookie.Contains("httponly", StringComparison.OrdinalIgnoreCase) && cookie.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    private static FormUrlEncodedContent Form(string key, string returnUrl) =>
        new(new Dictionary<string, string> { ["key"] = key, ["returnUrl"] = returnUrl });
}
