using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Hosting;
using Tributary.Options;

namespace Tributary.Tests.Options;

public sealed class ClusterHostingOptionsTests
{
    // Guards a fixed bug: a host name here failed later in TributarySiloHosting with a bare FormatException from
    // IPAddress.Parse, which named no setting.
    [Theory]
    [InlineData("silo-1.example.com")]
    [InlineData("not an address")]
    [InlineData("")]
    public void Validate_AzureStorageWithAdvertisedAddressNotAnIp_ThrowsNamingTheSetting(string address)
    {
        var options = new ClusterHostingOptions
        {
            Mode = ClusterMode.AzureStorage,
            ConnectionString = "UseDevelopmentStorage=true",
            AdvertisedAddress = address,
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("Tributary:Cluster:AdvertisedAddress", error.Message);
        Assert.Contains($"'{address}'", error.Message);
        Assert.Equal(nameof(ClusterHostingOptions.AdvertisedAddress), error.ParamName);
    }

    [Theory]
    [InlineData("10.0.0.4")]
    [InlineData("::1")]
    public void Validate_AzureStorageWithIpAddress_Passes(string address)
    {
        var options = new ClusterHostingOptions
        {
            Mode = ClusterMode.AzureStorage,
            ConnectionString = "UseDevelopmentStorage=true",
            AdvertisedAddress = address,
        };

        options.Validate();
    }

    [Fact]
    public void UseTributaryHosting_AdvertisedAddressNotAnIp_ThrowsArgumentExceptionNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tributary:Cluster:Mode"] = "AzureStorage",
            ["Tributary:Cluster:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Tributary:Cluster:AdvertisedAddress"] = "silo-1.example.com",
        }).Build();
        var silo = new SiloBuilderStub(configuration);

        var error = Assert.Throws<ArgumentException>(() => silo.UseTributaryHosting(configuration));

        Assert.Contains("Tributary:Cluster:AdvertisedAddress", error.Message);
    }

    /// <summary>Just enough of a silo builder: the options are checked before anything is configured.</summary>
    private sealed class SiloBuilderStub(IConfiguration configuration) : ISiloBuilder
    {
        public IServiceCollection Services { get; } = new ServiceCollection();

        public IConfiguration Configuration { get; } = configuration;
    }
}
