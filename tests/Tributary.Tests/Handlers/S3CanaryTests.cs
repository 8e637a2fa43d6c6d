using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Tributary.Handlers;
using Tributary.Handlers.S3;
using Tributary.Results;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>
/// The S3 secret key given to a host never reaches what Tributary stores or shows: the descriptor, the safe value, and
/// the messages of every error the handler raises (missing object, unreachable endpoint, refused request, bad settings).
/// </summary>
[Collection(S3rverCollection.Name)]
public sealed class S3CanaryTests(S3rverFixture s3)
{
    // s3rver checks the access key but not the signature, so any secret key works against it: a canary can be one.
    private readonly string _secret = $"secret-canary-{Guid.NewGuid():N}";
    private readonly string _prefix = $"canary-{Guid.NewGuid():N}/";

    [Fact]
    public void Scan_TextHoldingTheSecret_FindsIt()
    {
        // The scan below must be able to find what it looks for: the whole secret and its first half.
        Assert.NotEmpty(Leaks($"prefix {_secret} suffix"));
        Assert.NotEmpty(Leaks($"prefix {_secret[..(_secret.Length / 2)]} suffix"));
    }

    [Fact]
    public async Task StoreSafeValueAsync_HostWithSecretKey_NeitherDescriptorNorSafeValueHoldsIt()
    {
        var handler = Catalog().GetHandler(S3ResultHandler.DescriptorFor(s3.Bucket));

        var stored = (SafeResult)await Result.Create("a value", handler).StoreSafeValueAsync();
        var keyed = await handler.WriteAsync("keyed", typeof(string), ResultKey.For("flow", "run", "task", 1, TimeProvider.System));

        Assert.Equal("a value", (await stored.ToResultAsync(Catalog())).Value);
        Assert.Empty(Leaks(stored.Json));
        Assert.Empty(Leaks(keyed!.ToJsonString()));
        Assert.Empty(Leaks(stored.Handler.ToString()));
        Assert.Empty(Leaks(JsonSerializer.Serialize(stored.Handler)));
        Assert.Empty(Leaks(JsonSerializer.Serialize(stored)));
    }

    [Fact]
    public async Task Errors_HostWithSecretKey_NoMessageHoldsIt()
    {
        var handler = Catalog().GetHandler(S3ResultHandler.DescriptorFor(s3.Bucket));
        using var closed = new ClosedPort();
        var unreachable = Catalog(options =>
            {
                options.ServiceUrl = $"http://127.0.0.1:{closed.Port}";
                options.MaxErrorRetry = 0;
            })
            .GetHandler(S3ResultHandler.DescriptorFor(s3.Bucket));
        var refused = Catalog(options => options.AccessKey = "NOT-A-KNOWN-KEY").GetHandler(S3ResultHandler.DescriptorFor(s3.Bucket));
        var noBucket = Catalog().GetHandler(S3ResultHandler.DescriptorFor("no-such-bucket-for-canary"));
        var missing = JsonValue.Create($"s3://{s3.Bucket}/{_prefix}missing.json");

        var errors = new List<Exception>
        {
            await Assert.ThrowsAsync<ResultLocationNotFoundException>(() => handler.ReadAsync(missing, typeof(string))),
            await Assert.ThrowsAsync<S3StorageException>(() => noBucket.WriteAsync("v", typeof(string))),
            await Assert.ThrowsAsync<S3StorageException>(() => unreachable.WriteAsync("v", typeof(string))),
            await Assert.ThrowsAsync<S3StorageException>(() => unreachable.ReadAsync(missing, typeof(string))),
            await Assert.ThrowsAsync<S3StorageException>(() => refused.ReadAsync(missing, typeof(string))),
            await Assert.ThrowsAsync<ArgumentException>(() => handler.ReadAsync(JsonValue.Create("not-s3"), typeof(string))),
            Assert.Throws<OptionsValidationException>(() => Catalog(options => options.AccessKey = null)),
            Assert.Throws<OptionsValidationException>(() => Catalog(options => options.Bucket = "Bad_Bucket")),
        };

        foreach (var error in errors)
        {
            // ToString: the message, the type and every inner exception's message, as a log would show them.
            Assert.Empty(Leaks(error.ToString()));
        }
    }

    private IResultHandlerCatalog Catalog(Action<Tributary.Handlers.S3.Options.S3ResultHandlerOptions>? configure = null) =>
        S3Hosts.Catalog(s3.Server, s3.Bucket, _prefix, options =>
        {
            options.SecretKey = _secret;
            configure?.Invoke(options);
        });

    // Where the secret, or a recognisable piece of it, appears in the text.
    private IEnumerable<string> Leaks(string text) =>
        new[] { _secret, _secret[..(_secret.Length / 2)], _secret[(_secret.Length / 2)..] }
            .Where(piece => text.Contains(piece, StringComparison.Ordinal));
}
