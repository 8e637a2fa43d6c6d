using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Tributary.Web.Hosting;
using Tributary.Web.Options;

namespace Tributary.Tests.Web;

/// <summary>Where the web host listens, and when it asks for a key.</summary>
public sealed class TributaryWebOptionsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("https://[::1]:8443", true)]
    [InlineData("http://127.0.0.2:80/", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://10.0.0.4:8080", false)]
    [InlineData("http://silo.example.com:8080", false)]
    [InlineData("ftp://127.0.0.1:21", false)]
    public void IsLoopback_Url_TellsWhetherOnlyThisMachineReachesIt(string url, bool loopback) =>
        Assert.Equal(loopback, WebUrls.IsLoopback(url));

    [Fact]
    public void Validate_OneUrlExposedWithoutKey_ThrowsNamingTheApiKeySetting()
    {
        var options = new TributaryWebOptions { Urls = "http://127.0.0.1:8080; http://0.0.0.0:8081" };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("Tributary:Web:ApiKey", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Validate_Defaults_LoopbackWithoutKey()
    {
        var options = new TributaryWebOptions();

        options.Validate();

        Assert.True(options.IsLoopbackOnly);
        Assert.False(options.RequiresAuthentication);
    }

    [Theory]
    [InlineData("")]
    [InlineData("127.0.0.1:8080")]
    public void Validate_NotUrls_ThrowsNamingTheUrlsSetting(string urls)
    {
        var error = Assert.Throws<ArgumentException>(new TributaryWebOptions { Urls = urls }.Validate);

        Assert.Contains("Tributary:Web:Urls", error.Message);
    }

    [Fact]
    public void AddTributaryWeb_ExposedWithoutKey_RefusesBeforeTheHostIsBuilt()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Tributary:Web:Urls"] = "http://0.0.0.0:8080" });

        var error = Assert.Throws<ArgumentException>(() => builder.AddTributaryWeb());

        Assert.Contains("set Tributary:Web:ApiKey", error.Message);
    }

    [Fact]
    public void AddTributaryWeb_KestrelEndpointsSet_RefusesNamingBothSettings()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Kestrel:Endpoints:Http:Url"] = "http://0.0.0.0:8080" });

        var error = Assert.Throws<ArgumentException>(() => builder.AddTributaryWeb());

        Assert.Contains("Kestrel:Endpoints is set", error.Message);
        Assert.Contains("Tributary:Web:Urls", error.Message);
    }
}
