using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Handlers.Encryption;
using Tributary.Options;
using Tributary.Results;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>The encrypting handler: what it stores, what its safe value and descriptor hold, and its errors.</summary>
public sealed class EncryptedResultHandlerTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly EncryptionTestKeys _keys = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task WriteAsync_Canary_StoredObjectAndSafeValueHoldNoPlaintextAndNoKeyMaterial()
    {
        var handler = _keys.Local(_directory.Path, "k1", "k1");
        var canary = $"canary-{Guid.NewGuid():N}";

        var stored = (SafeResult)await Result.Create(canary, handler).StoreSafeValueAsync();

        var safe = JsonNode.Parse(stored.Json)!.AsObject();
        Assert.Equal(["inner", "keyId"], safe.Select(p => p.Key).Order());
        Assert.Equal("k1", safe["keyId"]!.GetValue<string>());
        var path = safe["inner"]!.GetValue<string>();
        var file = await File.ReadAllTextAsync(path);
        var header = JsonNode.Parse(file)!;
        Assert.Equal(EncryptedEnvelope.CurrentFormat, header["Format"]!.GetValue<string>());
        Assert.Equal("k1", header["KeyId"]!.GetValue<string>());
        Assert.DoesNotContain(canary, file);
        Assert.DoesNotContain(_keys["k1"], file);
        Assert.DoesNotContain(_keys["k1"], stored.Json + stored.Handler);
        Assert.DoesNotContain(header["WrappedKey"]!.GetValue<string>(), stored.Json); // not even wrapped
        Assert.Equal(canary, (await stored.ToResultAsync<string>(_keys.Catalog("k1", "k1"))).Value);
    }

    [Fact]
    public void Descriptor_LocalInner_NamesInnerKindAndSettingsAndRebuildsInnerOnly()
    {
        var handler = _keys.Local(_directory.Path, "k1", "k1");

        Assert.Equal(EncryptedResultHandler.Kind, handler.Descriptor.Kind);
        Assert.Equal(LocalResultHandler.Kind, handler.Descriptor.GetSetting("inner"));
        Assert.Equal(_directory.Path, handler.Descriptor.GetSetting("inner.directory"));
        Assert.Equal(2, handler.Descriptor.Settings.Count); // no key material, no key id: those are the host's
        Assert.Equal(ResultHandlers.Local(_directory.Path), EncryptedDescriptor.InnerOf(handler.Descriptor));
        Assert.Equal(handler.Descriptor, ResultHandlers.Encrypted(ResultHandlers.Local(_directory.Path)));
    }

    [Fact]
    public void Encrypted_JsonInner_IsRefusedNamingWhy()
    {
        var error = Assert.Throws<ArgumentException>(() => ResultHandlers.Encrypted(ResultHandlers.Json));
        Assert.Contains("cannot wrap the 'json' handler", error.Message);
        Assert.Throws<ArgumentException>(() => new EncryptedResultHandler(new JsonResultHandler(), _keys.Ring("k1", "k1")));
    }

    [Fact]
    public void ResultHandlerOptions_EncryptedLocal_GivesEncryptedDescriptorAroundTheLocalOne()
    {
        var options = new ResultHandlerOptions { Kind = "local", Encrypted = true };
        options.Settings["Directory"] = _directory.Path;

        Assert.Equal(ResultHandlers.Encrypted(ResultHandlers.Local(_directory.Path)), options.ToDescriptor());
        var json = Assert.Throws<ArgumentException>(() => new ResultHandlerOptions { Kind = "json", Encrypted = true }.ToDescriptor());
        Assert.Contains("Tributary:ResultHandler:Encrypted", json.Message);
    }

    [Fact]
    public async Task ReadAsync_CiphertextTampered_ThrowsNamingLocationAndKeyIdWithoutKeyMaterial()
    {
        var handler = _keys.Local(_directory.Path, "k1", "k1");
        var location = await handler.WriteAsync("secret value", typeof(string));
        var path = location!["inner"]!.GetValue<string>();
        var envelope = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        var ciphertext = Convert.FromBase64String(envelope["Ciphertext"]!.GetValue<string>());
        ciphertext[0] ^= 1;
        envelope["Ciphertext"] = Convert.ToBase64String(ciphertext);
        await File.WriteAllTextAsync(path, envelope.ToJsonString());

        var error = await Assert.ThrowsAsync<EncryptedResultException>(() => handler.ReadAsync(location, typeof(string)));

        Assert.Equal(path, error.Location);
        Assert.Equal("k1", error.KeyId);
        Assert.Contains(path, error.Message);
        Assert.Contains("'k1'", error.Message);
        Assert.Contains("failed authentication", error.Message);
        Assert.DoesNotContain(_keys["k1"], error.ToString());
    }

    [Fact]
    public async Task ReadAsync_HeaderKeyIdSwappedForAnotherKeyOfTheRing_FailsAuthentication()
    {
        var handler = _keys.Local(_directory.Path, "k1", "k1", "k2");
        var location = await handler.WriteAsync("secret value", typeof(string));
        var path = location!["inner"]!.GetValue<string>();
        var text = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, text.Replace("\"KeyId\":\"k1\"", "\"KeyId\":\"k2\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<EncryptedResultException>(() => handler.ReadAsync(location, typeof(string)));

        Assert.Equal("k2", error.KeyId);
        Assert.Contains("failed authentication", error.Message);
    }

    [Fact]
    public async Task ReadAsync_ObjectReplacedByPlainData_ThrowsNotAnEncryptedResult()
    {
        var handler = _keys.Local(_directory.Path, "k1", "k1");
        var location = await handler.WriteAsync("secret value", typeof(string));
        var path = location!["inner"]!.GetValue<string>();
        await File.WriteAllTextAsync(path, "\"plain\"");

        var error = await Assert.ThrowsAsync<EncryptedResultException>(() => handler.ReadAsync(location, typeof(string)));

        Assert.Contains(path, error.Message);
        Assert.Contains("is not an encrypted result", error.Message);
    }

    [Fact]
    public async Task ReadAsync_KeyNotInRing_ThrowsNamingLocationKeyIdAndHeldIds()
    {
        var writer = _keys.Local(_directory.Path, "k1", "k1");
        var location = await writer.WriteAsync("secret value", typeof(string));
        var reader = _keys.Local(_directory.Path, "k2", "k2");

        var error = await Assert.ThrowsAsync<EncryptedResultException>(() => reader.ReadAsync(location, typeof(string)));

        var path = location!["inner"]!.GetValue<string>();
        Assert.Equal("k1", error.KeyId);
        Assert.Contains(path, error.Message);
        Assert.Contains("key id 'k1'", error.Message);
        Assert.Contains("key ids held: k2", error.Message);
        Assert.DoesNotContain(_keys["k2"], error.Message);
    }

    [Fact]
    public async Task EncryptedWrites_SameValueTwice_UseFreshDataKeysAndNonces()
    {
        var handler = _keys.Local(_directory.Path, "k1", "k1");

        var first = await handler.WriteAsync("same", typeof(string));
        var second = await handler.WriteAsync("same", typeof(string));

        var a = JsonNode.Parse(await File.ReadAllTextAsync(first!["inner"]!.GetValue<string>()))!;
        var b = JsonNode.Parse(await File.ReadAllTextAsync(second!["inner"]!.GetValue<string>()))!;
        foreach (var part in new[] { "WrappedKey", "Nonce", "Ciphertext" })
        {
            Assert.NotEqual(a[part]!.GetValue<string>(), b[part]!.GetValue<string>());
        }
    }
}
