using System.Net;

namespace Tributary.Tests.Web;

/// <summary>The silo's web host on the loopback address without a key: health, the Orleans dashboard, open pages.</summary>
public sealed class WebHostTests(WebSiloFixture web) : IClassFixture<WebSiloFixture>
{
    [Fact]
    public async Task Healthz_SiloActive_Returns200Healthy()
    {
        using var response = await web.Host.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Dashboard_LoopbackWithoutKey_ServesTheOrleansDashboardAndItsData()
    {
        using var page = await web.Host.Http.GetAsync("/dashboard/");
        using var silos = await web.Host.Http.GetAsync("/dashboard/ClusterStats");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Orleans Dashboard</title>", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, silos.StatusCode);
    }

    [Fact]
    public async Task RunsIndex_LoopbackWithoutKey_OffersToOpenARunById()
    {
        using var response = await web.Host.Http.GetAsync("/runs");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<input name=\"id\"", html);
    }

    [Fact]
    public async Task RunsIndex_GivenAnId_RedirectsToTheRunsPage()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = web.Host.BaseAddress };

        using var response = await http.GetAsync("/runs?id=a%20b%2Bc");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/runs/a%20b%2Bc", response.Headers.Location?.OriginalString);
    }
}
