using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Handlers;
using Tributary.Handlers.AzureBlob;
using Tributary.Handlers.AzureBlob.Hosting;
using Tributary.Handlers.AzureBlob.Options;
using Tributary.Hosting;

namespace Tributary.Tests.Handlers;

/// <summary>The Azure Blob handler's options are checked when the host registers it, with errors that name the setting and never repeat a credential.</summary>
public sealed class AzureBlobResultHandlerOptionsTests
{
    private const string Signature = "c2lnbmF0dXJlLW5vdC10by1iZS1zaG93bg%3D%3D";
    private const string ContainerSas = $"sv=2026-10-06&se=2099-01-01T00%3A00%3A00Z&sr=c&sp=racwdl&sig={Signature}";
    private const string AccountSas = $"sv=2026-10-06&ss=b&srt=sco&se=2099-01-01T00%3A00%3A00Z&sp=racwdl&sig={Signature}";
    private const string Endpoint = "https://tributarytest.blob.core.windows.net";

    [Fact]
    public void Validate_BothConnectionStringAndContainerUri_ThrowsNamingBoth()
    {
        var error = Validate(options =>
        {
            options.ConnectionString = $"BlobEndpoint={Endpoint};SharedAccessSignature={AccountSas}";
            options.ContainerUri = new Uri($"{Endpoint}/results?{ContainerSas}");
        });

        Assert.Equal(nameof(AzureBlobResultHandlerOptions.ContainerUri), error.ParamName);
        Assert.Contains("Tributary:AzureBlob:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("Tributary:AzureBlob:ContainerUri", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://tributarytest.blob.core.windows.net/results", "no SAS token")]
    [InlineData("https://tributarytest.blob.core.windows.net/results/a-blob.json?" + ContainerSas, "no blob name")]
    [InlineData("https://tributarytest.blob.core.windows.net/?" + AccountSas, "no blob name")]
    [InlineData("results?" + ContainerSas, "absolute http(s) URI")]
    [InlineData("ftp://tributarytest.blob.core.windows.net/results?" + ContainerSas, "absolute http(s) URI")]
    [InlineData("https://tributarytest.blob.core.windows.net/results?sv=2026-10-06&sr=b&sp=r&sig=" + Signature, "resource 'b'")]
    public void Validate_UnusableContainerUri_ThrowsNamingTheSettingWithoutTheSignature(string uri, string reason)
    {
        var error = Validate(options => options.ContainerUri = new Uri(uri, UriKind.RelativeOrAbsolute));

        Assert.Equal(nameof(AzureBlobResultHandlerOptions.ContainerUri), error.ParamName);
        Assert.Contains("Tributary:AzureBlob:ContainerUri", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Signature, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Validate_ServiceSasWithCreateContainerIfMissing_ThrowsNamingTheSetting(bool inConnectionString)
    {
        var error = Validate(options =>
        {
            if (inConnectionString)
            {
                options.ConnectionString = $"BlobEndpoint={Endpoint};SharedAccessSignature={ContainerSas}";
            }
            else
            {
                options.ContainerUri = new Uri($"{Endpoint}/results?{ContainerSas}");
            }

            options.CreateContainerIfMissing = true;
        });

        Assert.Equal(nameof(AzureBlobResultHandlerOptions.CreateContainerIfMissing), error.ParamName);
        Assert.Contains("Tributary:AzureBlob:CreateContainerIfMissing", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Signature, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MalformedConnectionString_ThrowsNamingTheSettingWithoutRepeatingIt()
    {
        var error = Validate(options => options.ConnectionString = $"AccountName=tributarytest;SharedAccessSignature{Signature}");

        Assert.Equal(nameof(AzureBlobResultHandlerOptions.ConnectionString), error.ParamName);
        Assert.Contains("Tributary:AzureBlob:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Signature, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AccountSasContainerUriWithCreateContainerIfMissing_IsAccepted()
    {
        var options = new AzureBlobResultHandlerOptions
        {
            ContainerUri = new Uri($"{Endpoint}/results?{AccountSas}"),
            CreateContainerIfMissing = true,
        };

        options.Validate(); // an account SAS may create containers
    }

    [Fact]
    public void AddConfiguredResultHandlers_ContainerUriInConfiguration_RegistersHandlerForThatContainer()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tributary:AzureBlob:ContainerUri"] = $"{Endpoint}/results?{ContainerSas}" })
            .Build();
        var catalog = new ServiceCollection()
            .AddResultHandlerCatalog()
            .AddConfiguredResultHandlers(configuration)
            .BuildServiceProvider()
            .GetRequiredService<IResultHandlerCatalog>();

        var handler = Assert.IsType<AzureBlobResultHandler>(catalog.GetHandler(ResultHandlers.AzureBlob("results")));

        Assert.Equal("results", handler.Container);
        Assert.Equal($"{Endpoint}/results", handler.ContainerUri);
    }

    private static ArgumentException Validate(Action<AzureBlobResultHandlerOptions> configure) =>
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddAzureBlobResultHandler(configure));
}
