using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Handlers;
using Tributary.Options;
using Tributary.Serialization;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Options;

public sealed class ResultHandlerOptionsTests
{
    [Fact]
    public void Resolver_FromInMemoryConfiguration_GivesConfiguredLocalDirectory()
    {
        using var directory = new TempDirectory();
        var resolver = ResolverFrom(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tributary:ResultHandler:Kind"] = "local",
            ["Tributary:ResultHandler:Settings:directory"] = directory.Path,
        }));

        Assert.Equal(ResultHandlers.Local(directory.Path), resolver.GlobalDefault);
    }

    [Fact]
    public void Resolver_FromEnvironmentVariables_GivesConfiguredAzureContainer()
    {
        // A prefix of its own keeps this test's variables apart from every other test's.
        var prefix = $"TRIBUTARY_TEST_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "Tributary__ResultHandler__Kind", "azure-blob");
        Environment.SetEnvironmentVariable(prefix + "Tributary__ResultHandler__Settings__container", "env-results");
        try
        {
            var resolver = ResolverFrom(new ConfigurationBuilder().AddEnvironmentVariables(prefix));

            Assert.Equal(ResultHandlers.AzureBlob("env-results"), resolver.GlobalDefault);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Tributary__ResultHandler__Kind", null);
            Environment.SetEnvironmentVariable(prefix + "Tributary__ResultHandler__Settings__container", null);
        }
    }

    // Guards a fixed bug: Settings__Directory (capital D, as people write environment variables) was silently ignored
    // and results went to the default directory.
    [Theory]
    [InlineData("Directory")]
    [InlineData("DIRECTORY")]
    [InlineData("directory")]
    public void Resolver_DirectoryKeyInAnyCase_GivesConfiguredDirectory(string key)
    {
        using var directory = new TempDirectory();
        var resolver = ResolverFrom(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tributary:ResultHandler:Kind"] = "local",
            [$"Tributary:ResultHandler:Settings:{key}"] = directory.Path,
        }));

        Assert.Equal(ResultHandlers.Local(directory.Path), resolver.GlobalDefault);
    }

    [Fact]
    public void Resolver_ContainerKeyCapitalized_GivesAzureDescriptorTheCatalogUnderstands()
    {
        var resolver = ResolverFrom(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tributary:ResultHandler:Kind"] = "azure-blob",
            ["Tributary:ResultHandler:Settings:Container"] = "results",
        }));

        Assert.Equal(ResultHandlers.AzureBlob("results"), resolver.GlobalDefault);
    }

    [Fact]
    public void Resolver_FromConfigurationWithUsersKind_KeepsAllSettings()
    {
        var resolver = ResolverFrom(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tributary:ResultHandler:Kind"] = "my-kind",
            ["Tributary:ResultHandler:Settings:bucket"] = "b",
            ["Tributary:ResultHandler:Settings:region"] = "r",
        }));

        Assert.Equal(new ResultHandlerDescriptor("my-kind", [new("bucket", "b"), new("region", "r")]), resolver.GlobalDefault);
    }

    [Fact]
    public void Resolver_EmptyKindInConfiguration_ThrowsArgumentExceptionNamingTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tributary:ResultHandler:Kind"] = "",
        });

        var error = Assert.Throws<ArgumentException>(() => ResolverFrom(configuration));

        Assert.Contains("Tributary:ResultHandler:Kind", error.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(ResultHandlerOptions.Kind), error.ParamName);
    }

    [Fact]
    public void ToDescriptor_LocalWithRelativeDirectory_IsMadeAbsolute()
    {
        var options = new ResultHandlerOptions { Settings = { [LocalResultHandler.DirectorySetting] = "relative" } };

        var descriptor = options.ToDescriptor();

        Assert.Equal(LocalResultHandler.Kind, descriptor.Kind);
        Assert.Equal(Path.GetFullPath("relative"), descriptor.GetSetting(LocalResultHandler.DirectorySetting));
    }

    [Fact]
    public void Resolver_LocalWithFormatAndCodecInAnyCase_KeepsThemByTheirCanonicalNames()
    {
        using var directory = new TempDirectory();
        var resolver = ResolverFrom(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tributary:ResultHandler:Settings:Directory"] = directory.Path,
            ["Tributary:ResultHandler:Settings:Format"] = "MsgPack",
            ["Tributary:ResultHandler:Settings:Codec"] = "Brotli",
        }));

        Assert.Equal(
            ResultHandlers.Local(directory.Path, ResultFormat.MessagePack, ResultCodec.Brotli),
            resolver.GlobalDefault);
    }

    [Fact]
    public void Validator_UnknownFormat_FailsAtStartNamingTheSettingAndTheValue()
    {
        var options = new ResultHandlerOptions { Settings = { ["format"] = "avro" } };

        var result = new ResultHandlerOptionsValidator(new ResultHandlerCatalog()).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Tributary:ResultHandler:Settings", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("'avro'", result.FailureMessage, StringComparison.Ordinal);
    }

    private static ResultHandlerResolver ResolverFrom(IConfigurationBuilder builder)
    {
        var configuration = builder.Build();
        return new ServiceCollection()
            .Configure<ResultHandlerOptions>(configuration.GetSection(ResultHandlerOptions.SectionName))
            .AddSingleton<ResultHandlerResolver>()
            .BuildServiceProvider()
            .GetRequiredService<ResultHandlerResolver>();
    }
}
