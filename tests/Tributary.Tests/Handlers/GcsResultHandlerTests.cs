using System.Text.Json.Nodes;
using Google;
using Tributary.Handlers;
using Tributary.Handlers.GoogleCloudStorage;
using Tributary.Results;
using Tributary.Serialization;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>What the Cloud Storage handler does beyond the conformance suite: large values, keyed names, missing objects.</summary>
[Collection(GcsCollection.Name)]
public sealed class GcsResultHandlerTests(GcsFixture gcs)
{
    private const int OneMiB = 1024 * 1024;
    private readonly GcsTestServer _server = gcs.Server;

    [Fact]
    public async Task WriteAsync_ValueOfSeveralChunks_UploadsInChunksAndReadsBackByteIdentical()
    {
        var bucket = _server.CreateBucket();
        var handler = GcsHosts.Catalog(_server, bucket, options => options.ChunkSize = OneMiB).GetHandler(GcsHosts.Descriptor(_server, bucket));
        var value = new byte[6 * OneMiB];
        new Random(12).NextBytes(value);

        var location = await handler.WriteAsync(value, typeof(byte[]));
        var back = (byte[])(await handler.ReadAsync(location, typeof(byte[])))!;

        var (_, name) = GcsHosts.Parse(location!.GetValue<string>());
        var stored = _server.Content(bucket, name)!;
        Assert.Equal(SystemTextJsonResultSerializer.Default.Serialize(value, typeof(byte[])), stored); // byte for byte what was serialized
        Assert.True(back.AsSpan().SequenceEqual(value), "The value read back differs from the one written.");
        // ~8 MiB of JSON (base64) in 1 MiB requests: one request starts the session, then at least 8 carry the bytes.
        var uploads = _server.RequestsFor(bucket).Where(r => r.Operation == "upload-chunk").ToList();
        Assert.True(uploads.Count >= stored.Length / OneMiB, $"Expected the upload in {stored.Length / OneMiB}+ chunks, saw {uploads.Count}.");
        Assert.All(uploads, chunk => Assert.True(chunk.BodyLength <= OneMiB, $"A chunk of {chunk.BodyLength} bytes exceeds the chunk size."));
    }

    [Fact]
    public async Task WriteAsync_ValueLargerThanTheDefaultChunk_ReadsBackByteIdentical()
    {
        var bucket = _server.CreateBucket();
        var handler = GcsHosts.Catalog(_server, bucket).GetHandler(GcsHosts.Descriptor(_server, bucket));
        var value = new string('x', 11 * OneMiB) + "end"; // over the library's 10 MiB chunk

        var location = await handler.WriteAsync(value, typeof(string));

        Assert.Equal(value, await handler.ReadAsync(location, typeof(string)));
        Assert.True(_server.RequestsFor(bucket).Count(r => r.Operation == "upload-chunk") >= 2, "Expected the upload in two or more chunks.");
    }

    [Fact]
    public async Task WriteAsync_WithKey_ObjectNameIsPrefixThenDateFlowRunTaskAttempt()
    {
        var bucket = _server.CreateBucket();
        var handler = GcsHosts.Catalog(_server, bucket).GetHandler(GcsHosts.Descriptor(_server, bucket, "results/"));
        var key = ResultKey.OfAttempt("etl flow", "run-7", "load", 2, new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero));

        var expected = $"gs://{bucket}/results/2026/12/01/etl_flow/run-7/load/attempt-2.json";
        Assert.Equal(expected, handler.LocationOf(key)?.GetValue<string>());
        var first = await handler.WriteAsync("first", typeof(string), key);
        var second = await handler.WriteAsync("second", typeof(string), key);

        Assert.Equal(expected, first?.GetValue<string>());
        Assert.Equal(expected, second?.GetValue<string>());
        // Writing a key again replaces its object: one object, the last value.
        Assert.Equal(["results/2026/12/01/etl_flow/run-7/load/attempt-2.json"], _server.ObjectNames(bucket));
        Assert.Equal("second", await handler.ReadAsync(first, typeof(string)));
    }

    [Fact]
    public async Task WriteAsync_WithoutKey_UniqueNameUnderThePrefix()
    {
        var bucket = _server.CreateBucket();
        var handler = GcsHosts.Catalog(_server, bucket).GetHandler(GcsHosts.Descriptor(_server, bucket, "adhoc/"));

        var one = (await handler.WriteAsync(1, typeof(int)))!.GetValue<string>();
        var two = (await handler.WriteAsync(1, typeof(int)))!.GetValue<string>();

        Assert.NotEqual(one, two);
        Assert.All(_server.ObjectNames(bucket), name => Assert.Matches("^adhoc/[0-9a-f]{32}\\.json$", name));
        // Each unkeyed upload asks that no object exist yet (ifGenerationMatch=0), so it can never replace another's.
        Assert.All(_server.RequestsFor(bucket).Where(r => r.Operation == "upload-start"), r => Assert.Contains("ifGenerationMatch=0", r.Target, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_MissingObject_ThrowsNotFoundNamingTheLocation()
    {
        var bucket = _server.CreateBucket();
        var handler = GcsHosts.Catalog(_server, bucket).GetHandler(GcsHosts.Descriptor(_server, bucket));
        var location = $"gs://{bucket}/never/written.json";

        var error = await Assert.ThrowsAsync<ResultLocationNotFoundException>(() => handler.ReadAsync(JsonValue.Create(location), typeof(string)));

        Assert.Equal(location, error.Location);
        Assert.Contains(location, error.Message, StringComparison.Ordinal);
        Assert.Contains(GcsResultHandlers.Kind, error.Message, StringComparison.Ordinal);
        Assert.Equal(404, (int)Assert.IsType<GoogleApiException>(error.InnerException).HttpStatusCode);
    }

    [Fact]
    public async Task ReadAsync_BucketMissing_IsARequestErrorNotAMissingResult()
    {
        var bucket = _server.CreateBucket();
        var handler = GcsHosts.Catalog(_server, bucket).GetHandler(GcsHosts.Descriptor(_server, bucket));
        var location = "gs://no-such-bucket-here/a.json";

        var error = await Assert.ThrowsAsync<GcsRequestException>(() => handler.ReadAsync(JsonValue.Create(location), typeof(string)));

        Assert.Equal(404, error.Status);
        Assert.Contains(location, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a uri")]
    [InlineData("https://storage.googleapis.com/bucket/a.json")]
    [InlineData("gs://bucket-only")]
    [InlineData("gs://Bad_Bucket/a.json")]
    public async Task ReadAsync_NotAGsUri_ThrowsArgumentExceptionNamingIt(string location)
    {
        var bucket = _server.CreateBucket();
        var handler = GcsHosts.Catalog(_server, bucket).GetHandler(GcsHosts.Descriptor(_server, bucket));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => handler.ReadAsync(JsonValue.Create(location), typeof(string)));

        Assert.Contains(location, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreSafeValueAsync_Value_SafeValueAndDescriptorHoldNoEndpointCredentialOrData()
    {
        var bucket = _server.CreateBucket();
        var handler = GcsHosts.Catalog(_server, bucket).GetHandler(GcsHosts.Descriptor(_server, bucket, "p/"));
        var canary = $"canary-{Guid.NewGuid():N}";

        var safe = (SafeResult)await Result.Create(canary, handler).StoreSafeValueAsync();

        var uri = JsonNode.Parse(safe.Json)!.GetValue<string>();
        Assert.StartsWith($"gs://{bucket}/p/", uri, StringComparison.Ordinal);
        Assert.DoesNotContain(canary, safe.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", safe.Json, StringComparison.Ordinal); // the endpoint is the descriptor's, not the value's
        Assert.Equal(GcsResultHandlers.Kind, safe.Handler.Kind);
        Assert.Equal(["baseUri", "bucket", "prefix"], safe.Handler.Settings.Keys);
    }
}
