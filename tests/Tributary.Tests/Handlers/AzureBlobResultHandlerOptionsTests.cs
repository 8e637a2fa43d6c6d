using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tributary.Handlers;
using Tributary.Handlers.AzureBlob;
using Tributary.Handlers.AzureBlob.Hosting;
using Tributary.Handlers.AzureBlob.Options;
using Tributary.Hosting;

namespace Tributary.Tests.Handlers;

/// <summary>The Azure Blob handler's options are checked when the host starts (or when first read), with errors that name the setting and never repeat a credential.</summary>
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

        Assert.Single(error.Failures);
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

        Assert.Single(error.Failures);
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

        Assert.Single(error.Failures);
        Assert.Contains("Tributary:AzureBlob:CreateContainerIfMissing", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Signature, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MalformedConnectionString_ThrowsNamingTheSettingWithoutRepeatingIt()
    {
        var error = Validate(options => options.ConnectionString = $"AccountName=tributarytest;SharedAccessSignature{Signature}");

        Assert.Single(error.Failures);
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

        var resolved = Resolve(configured =>
        {
            configured.ContainerUri = options.ContainerUri;
            configured.CreateContainerIfMissing = options.CreateContainerIfMissing;
        });

        Assert.True(resolved.CreateContainerIfMissing); // an account SAS may create containers
    }

    [Fact]
    public async Task StartHost_NoCredential_FailsTheStartNamingTheSetting()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAzureBlobResultHandler(_ => { });
        using var host = builder.Build();

        // Checked when the host starts (ValidateOnStart), not when the first result is written.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Tributary:AzureBlob:ConnectionString", error.Message, StringComparison.Ordinal);
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

    private static OptionsValidationException Validate(Action<AzureBlobResultHandlerOptions> configure) =>
        Assert.Throws<OptionsValidationException>(() => Resolve(configure));

    // The options as the handler reads them: validated when first read.
    private static AzureBlobResultHandlerOptions Resolve(Action<AzureBlobResultHandlerOptions> configure) =>
        new ServiceCollection().AddAzureBlobResultHandler(configure).BuildServiceProvider()
            .GetRequiredService<IOptions<AzureBlobResultHandlerOptions>>().Value;
}
