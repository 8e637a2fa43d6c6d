using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tributary.Handlers;
using Tributary.Handlers.S3;
using Tributary.Handlers.S3.Hosting;
using Tributary.Handlers.S3.Options;
using Tributary.Hosting;

namespace Tributary.Tests.Handlers;

/// <summary>The S3 handler's options are checked when the host starts (or when first read), with errors that name the setting and never repeat a credential.</summary>
public sealed class S3ResultHandlerOptionsTests
{
    private const string Secret = "s3-secret-canary-0f1e2d3c4b5a";

    public static TheoryData<string, string, string, string> Unusable => new()
    {
        // setting, value, key named in the message, reason
        { "Bucket", "", "Tributary:S3:Bucket", "is empty" },
        { "Bucket", "Results_Bucket", "Tributary:S3:Bucket", "not a valid bucket name" },
        { "Bucket", "ab", "Tributary:S3:Bucket", "not a valid bucket name" },
        { "Prefix", "/results/", "Tributary:S3:Prefix", "not starting with '/'" },
        { "Prefix", "results?x=1", "Tributary:S3:Prefix", "letters, digits" },
        { "ServiceUrl", "127.0.0.1:9000", "Tributary:S3:ServiceUrl", "absolute http(s) URL" },
        { "ServiceUrl", "ftp://s3.example.com", "Tributary:S3:ServiceUrl", "absolute http(s) URL" },
        { "ServiceUrl", "https://s3.example.com/?X-Amz-Signature=abc", "Tributary:S3:ServiceUrl", "no user information, query" },
        { "Region", "EU West", "Tributary:S3:Region", "lowercase letters" },
        { "RequestTimeout", "00:00:00", "Tributary:S3:RequestTimeout", "must be positive" },
        { "MaxErrorRetry", "-1", "Tributary:S3:MaxErrorRetry", "0 or more" },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public void Validate_UnusableSetting_ThrowsNamingTheKey(string setting, string value, string key, string reason)
    {
        var error = Validate(Configured((setting, value)));

        Assert.Single(error.Failures);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoServiceUrlAndNoRegion_ThrowsNamingBoth()
    {
        var error = Validate(Configured(("ServiceUrl", null)));

        Assert.Contains("Tributary:S3:Region", error.Message, StringComparison.Ordinal);
        Assert.Contains("Tributary:S3:ServiceUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AmazonRegionMalformed_ThrowsNamingRegion()
    {
        var error = Validate(Configured(("ServiceUrl", null), ("Region", "auto")));

        Assert.Contains("Tributary:S3:Region is 'auto', not an AWS region name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ServiceUrlWithUserInformation_ThrowsWithoutRepeatingIt()
    {
        var error = Validate(Configured(("ServiceUrl", $"http://AKIDEXAMPLE:{Secret}@127.0.0.1:9000")));

        Assert.Contains("Tributary:S3:ServiceUrl", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AccessKey", "Tributary:S3:AccessKey")]
    [InlineData("SecretKey", "Tributary:S3:SecretKey")]
    public void Validate_HalfACredential_ThrowsNamingTheMissingKeyWithoutTheSecret(string unset, string missing)
    {
        var error = Validate(Configured((unset, null)));

        Assert.Single(error.Failures);
        Assert.Contains($"{missing} is not", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SessionTokenAlone_ThrowsNamingIt()
    {
        var error = Validate(Configured(("AccessKey", null), ("SecretKey", null), ("SessionToken", Secret)));

        Assert.Contains("Tributary:S3:SessionToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AmazonWithRegionAndDefaultCredentialChain_IsAccepted()
    {
        var options = Resolve(Configured(("ServiceUrl", null), ("Region", "eu-west-1"), ("AccessKey", null), ("SecretKey", null)));

        Assert.Equal("eu-west-1", options.Region);
        Assert.False(options.HasCredentials);
    }

    [Fact]
    public async Task StartHost_ConfiguredBucketInvalid_FailsTheStartNamingTheKey()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(Configured(("Bucket", "Not_Valid")));
        builder.Services.AddConfiguredResultHandlers(builder.Configuration);
        using var host = builder.Build();

        // Checked when the host starts (ValidateOnStart), not when the first result is written.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Tributary:S3:Bucket", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddConfiguredResultHandlers_BucketInConfiguration_RegistersTheS3Kind()
    {
        var catalog = new ServiceCollection()
            .AddResultHandlerCatalog()
            .AddConfiguredResultHandlers(new ConfigurationBuilder().AddInMemoryCollection(Configured()).Build())
            .BuildServiceProvider()
            .GetRequiredService<IResultHandlerCatalog>();

        var handler = Assert.IsType<S3ResultHandler>(catalog.GetHandler(S3ResultHandler.DescriptorFor()));

        Assert.Equal("results", handler.Bucket);
        Assert.Equal("http://127.0.0.1:9000", handler.Endpoint);
    }

    [Fact]
    public void AddConfiguredResultHandlers_NoBucket_LeavesTheS3KindUnregistered()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Configured(("Bucket", null))).Build();
        var catalog = new ServiceCollection()
            .AddResultHandlerCatalog()
            .AddConfiguredResultHandlers(configuration)
            .BuildServiceProvider()
            .GetRequiredService<IResultHandlerCatalog>();

        Assert.False(catalog.IsRegistered(S3ResultHandler.Kind));
    }

    // Valid settings as configuration keys, with some changed (a null value removes the key).
    private static Dictionary<string, string?> Configured(params (string Key, string? Value)[] changes)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bucket"] = "results",
            ["ServiceUrl"] = "http://127.0.0.1:9000",
            ["ForcePathStyle"] = "true",
            ["AccessKey"] = "AKIDEXAMPLE",
            ["SecretKey"] = Secret,
        };
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }

        return settings.Where(pair => pair.Value is not null).ToDictionary(pair => $"{S3ResultHandlerOptions.SectionName}:{pair.Key}", pair => pair.Value);
    }

    private static OptionsValidationException Validate(Dictionary<string, string?> settings) =>
        Assert.Throws<OptionsValidationException>(() => Resolve(settings));

    // The options as the handler reads them, bound from configuration as a host binds them: validated when first read.
    private static S3ResultHandlerOptions Resolve(Dictionary<string, string?> settings)
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(S3ResultHandlerOptions.SectionName);
        return new ServiceCollection()
            .AddS3ResultHandler(section.Bind)
            .BuildServiceProvider()
            .GetRequiredService<IOptions<S3ResultHandlerOptions>>()
            .Value;
    }
}
