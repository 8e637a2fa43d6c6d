using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tributary.Handlers;
using Tributary.Handlers.Encryption;
using Tributary.Hosting;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>The key ring's settings are checked at the host's start, with errors naming the setting and never a key.</summary>
public sealed class EncryptionOptionsTests
{
    private readonly EncryptionTestKeys _keys = new();

    [Fact]
    public async Task HostStart_ActiveKeyMissing_FailsNamingTheSetting()
    {
        var error = await StartAsync(new() { ["Tributary:Encryption:Keys:k1"] = _keys["k1"] });

        Assert.Contains("Tributary:Encryption:ActiveKey is not set", error.Message);
    }

    [Fact]
    public async Task HostStart_ActiveKeyNotInRing_FailsNamingItAndTheHeldIds()
    {
        var error = await StartAsync(new() { ["Tributary:Encryption:Keys:k1"] = _keys["k1"], ["Tributary:Encryption:ActiveKey"] = "k9" });

        Assert.Contains("Tributary:Encryption:ActiveKey is 'k9', but Tributary:Encryption:Keys has no key 'k9' (key ids held: k1)", error.Message);
        Assert.DoesNotContain(_keys["k1"], error.Message);
    }

    [Fact]
    public async Task HostStart_KeyNotBase64_FailsNamingTheKeyNotItsValue()
    {
        const string notBase64 = "this-is-not-base64!!";
        var error = await StartAsync(new() { ["Tributary:Encryption:Keys:k1"] = notBase64, ["Tributary:Encryption:ActiveKey"] = "k1" });

        Assert.Contains("Tributary:Encryption:Keys:k1 is not valid base64", error.Message);
        Assert.DoesNotContain(notBase64, error.Message);
    }

    [Fact]
    public async Task HostStart_KeyOf16Bytes_FailsNamingTheKeyAndTheLengths()
    {
        var shortKey = Convert.ToBase64String(new byte[16]);
        var error = await StartAsync(new() { ["Tributary:Encryption:Keys:old"] = shortKey, ["Tributary:Encryption:ActiveKey"] = "old" });

        Assert.Contains("Tributary:Encryption:Keys:old is 16 bytes long; a key-encryption key must be 32 bytes", error.Message);
        Assert.DoesNotContain(shortKey, error.Message);
    }

    [Fact]
    public async Task HostStart_ValidRing_RegistersTheEncryptedKindThatRoundTrips()
    {
        using var directory = new TempDirectory();
        using var host = Build(_keys.Configuration("k1", "k1", "k2"));
        await host.StartAsync();

        var catalog = host.Services.GetRequiredService<IResultHandlerCatalog>();
        var handler = catalog.GetHandler(ResultHandlers.Encrypted(ResultHandlers.Local(directory.Path)));
        var location = await handler.WriteAsync(42, typeof(int));

        Assert.IsType<EncryptedResultHandler>(handler);
        Assert.Equal(42, await handler.ReadAsync(location, typeof(int)));
        Assert.Equal(["k1", "k2"], host.Services.GetRequiredService<EncryptionKeyRing>().KeyIds);
        await host.StopAsync();
    }

    [Fact]
    public void ResultHandlerOptionsValidator_EncryptedDefaultWithoutKeyRing_FailsNamingTheKeyRingSettings()
    {
        var validator = new Tributary.Options.ResultHandlerOptionsValidator(new ResultHandlerCatalog());

        var result = validator.Validate(null, new Tributary.Options.ResultHandlerOptions { Kind = "local", Encrypted = true });

        Assert.True(result.Failed);
        Assert.Contains("is encrypted, but this host has no key ring: set Tributary:Encryption:ActiveKey and Tributary:Encryption:Keys:<id>", result.FailureMessage);
    }

    [Fact]
    public void EncryptionKeyRing_ToString_GivesIdsOnly()
    {
        var ring = _keys.Ring("k2", "k1", "k2");

        Assert.Equal("key ring (active 'k2'; ids k1, k2)", ring.ToString());
    }

    private static async Task<OptionsValidationException> StartAsync(Dictionary<string, string?> settings)
    {
        using var host = Build(settings);
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddConfiguredResultHandlers(configuration);
        return builder.Build();
    }
}
