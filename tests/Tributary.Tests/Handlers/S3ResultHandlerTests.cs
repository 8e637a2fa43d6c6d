using System.Net;
using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Tributary.Handlers;
using Tributary.Handlers.S3;
using Tributary.Results;
using Tributary.Serialization;
using Tributary.Storage;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>What the S3 handler does beyond the conformance suite: large values, the keyed layout, its faults.</summary>
[Collection(S3rverCollection.Name)]
public sealed class S3ResultHandlerTests(S3rverFixture s3)
{
    private readonly string _prefix = $"specifics-{Guid.NewGuid():N}/";

    private IResultHandler Handler(string? bucket = null, string? prefix = null) =>
        S3Hosts.Catalog(s3.Server, s3.Bucket, prefix ?? _prefix).GetHandler(S3ResultHandler.DescriptorFor(bucket ?? s3.Bucket));

    [Fact]
    public async Task WriteAsync_ValueOver5MB_StoredObjectIsTheSerializedBytesAndReadsBackEqual()
    {
        // Guards UseChunkEncoding = false: with aws-chunked framing s3rver stores the frame headers inside the object.
        var value = new byte[(6 * 1024 * 1024) + 17];
        new Random(12).NextBytes(value);
        var handler = Handler();

        var location = await handler.WriteAsync(value, typeof(byte[]));
        var back = (byte[]?)await handler.ReadAsync(location, typeof(byte[]));

        Assert.Equal(value, back);
        var expected = SystemTextJsonResultSerializer.Default.Serialize(value, typeof(byte[]));
        Assert.True(expected.Length > 5 * 1024 * 1024);
        using var stored = await s3.Client.GetObjectAsync(s3.Bucket, s3.KeyOf(location));
        using var bytes = new MemoryStream();
        await stored.ResponseStream.CopyToAsync(bytes);
        Assert.Equal(expected.Length, bytes.Length);
        Assert.True(expected.AsSpan().SequenceEqual(bytes.ToArray()), "the stored object differs from the serialized value");
    }

    [Fact]
    public async Task WriteAsync_WithKey_ObjectKeyIsPrefixDateFlowRunTaskAttemptAndLocationOfSaysSoBeforehand()
    {
        var handler = Handler();
        var key = ResultKey.OfAttempt("orders etl", "run-42", "load", 3, new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero));
        var expected = $"s3://{s3.Bucket}/{_prefix}2026/12/01/orders_etl/run-42/load/attempt-3.json";

        var before = handler.LocationOf(key);
        var first = await handler.WriteAsync("first", typeof(string), key);
        var second = await handler.WriteAsync("second", typeof(string), key);

        Assert.Equal(expected, before!.GetValue<string>());
        Assert.Equal(expected, first!.GetValue<string>());
        Assert.Equal(expected, second!.GetValue<string>());
        Assert.Equal("second", await handler.ReadAsync(first, typeof(string)));
        // An operator finds one run's results by prefix.
        var listed = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = s3.Bucket, Prefix = $"{_prefix}2026/12/01/orders_etl/run-42/" });
        Assert.Equal([$"{_prefix}2026/12/01/orders_etl/run-42/load/attempt-3.json"], listed.S3Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task WriteAsync_WithoutKey_WritesANewObjectUnderThePrefix()
    {
        var handler = Handler();

        var first = (await handler.WriteAsync("v", typeof(string)))!.GetValue<string>();
        var second = (await handler.WriteAsync("v", typeof(string)))!.GetValue<string>();

        Assert.NotEqual(first, second);
        foreach (var location in new[] { first, second })
        {
            Assert.Matches($"^s3://{s3.Bucket}/{_prefix}[0-9a-f]{{32}}\\.json$", location);
        }
    }

    [Fact]
    public async Task ReadAsync_ObjectNeverWritten_ThrowsNotFoundNamingTheLocation()
    {
        var handler = Handler();
        var location = $"s3://{s3.Bucket}/{_prefix}never-written.json";

        var error = await Assert.ThrowsAsync<ResultLocationNotFoundException>(() => handler.ReadAsync(JsonValue.Create(location), typeof(string)));

        Assert.Equal(location, error.Location);
        Assert.Contains(location, error.Message, StringComparison.Ordinal);
        Assert.Contains("s3(bucket=", error.Message, StringComparison.Ordinal);
        Assert.False(TransientFaults.IsTransient(error));
    }

    [Fact]
    public async Task ReadAsync_BucketGone_ThrowsNotFound()
    {
        var handler = Handler();
        var location = "s3://no-such-bucket-here/x/y.json";

        var error = await Assert.ThrowsAsync<ResultLocationNotFoundException>(() => handler.ReadAsync(JsonValue.Create(location), typeof(string)));

        Assert.Equal(location, error.Location);
    }

    [Fact]
    public async Task WriteAsync_BucketMissing_FailsPermanentlyNamingTheBucketAndEndpoint()
    {
        var handler = Handler(bucket: "no-such-bucket-here");

        var error = await Assert.ThrowsAsync<S3StorageException>(() => handler.WriteAsync("v", typeof(string)));

        Assert.Equal(404, error.Status);
        Assert.Contains("'no-such-bucket-here' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains(s3.Server.ServiceUrl, error.Message, StringComparison.Ordinal);
        Assert.False(TransientFaults.IsTransient(error));
    }

    [Fact]
    public async Task ReadAndWrite_EndpointUnreachable_TransientFaultNamingTheEndpoint()
    {
        using var closed = new ClosedPort();
        var endpoint = $"http://127.0.0.1:{closed.Port}";
        var handler = S3Hosts.Catalog(s3.Server, s3.Bucket, _prefix, options =>
            {
                options.ServiceUrl = endpoint;
                options.MaxErrorRetry = 0;
            })
            .GetHandler(S3ResultHandler.DescriptorFor());

        var write = await Assert.ThrowsAsync<S3StorageException>(() => handler.WriteAsync("v", typeof(string)));
        var read = await Assert.ThrowsAsync<S3StorageException>(() => handler.ReadAsync(JsonValue.Create($"s3://{s3.Bucket}/k.json"), typeof(string)));

        foreach (var error in new[] { write, read })
        {
            Assert.Equal(0, error.Status);
            Assert.Equal(endpoint, error.Endpoint);
            Assert.Contains($"endpoint {endpoint} could not be reached", error.Message, StringComparison.Ordinal);
            Assert.True(TransientFaults.IsTransient(error), "an unreachable endpoint is a fault the engine retries");
        }
    }

    [Fact]
    public async Task ReadAsync_UnknownAccessKey_FailsPermanentlyNamingTheCredentialSettings()
    {
        var handler = S3Hosts.Catalog(s3.Server, s3.Bucket, _prefix, options => options.AccessKey = "NOT-A-KNOWN-KEY")
            .GetHandler(S3ResultHandler.DescriptorFor());

        var error = await Assert.ThrowsAsync<S3StorageException>(() => handler.ReadAsync(JsonValue.Create($"s3://{s3.Bucket}/k.json"), typeof(string)));

        Assert.Equal((int)HttpStatusCode.Forbidden, error.Status);
        Assert.Contains("Tributary:S3:AccessKey", error.Message, StringComparison.Ordinal);
        Assert.False(TransientFaults.IsTransient(error));
    }

    [Theory]
    [InlineData("https://example.com/bucket/key.json")]
    [InlineData("s3://bucket-only")]
    [InlineData("s3://Not_A_Bucket/key")]
    public async Task ReadAsync_NotAnS3Location_ThrowsArgumentNamingIt(string location)
    {
        var handler = Handler();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => handler.ReadAsync(JsonValue.Create(location), typeof(string)));

        Assert.Contains(location, error.Message, StringComparison.Ordinal);
        Assert.Contains("not an s3://bucket/key location", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHandler_DescriptorWithoutBucket_WritesToTheConfiguredBucketAndRecordsIt()
    {
        var handler = S3Hosts.Catalog(s3.Server, s3.Bucket, _prefix).GetHandler(new ResultHandlerDescriptor("s3"));

        var stored = (SafeResult)await Result.Create("v", handler).StoreSafeValueAsync();

        Assert.Equal(S3ResultHandler.DescriptorFor(s3.Bucket), stored.Handler);
        Assert.StartsWith($"\"s3://{s3.Bucket}/{_prefix}", stored.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void GetHandler_DescriptorWithInvalidBucket_ThrowsNamingTheDescriptor()
    {
        var catalog = S3Hosts.Catalog(s3.Server, s3.Bucket, _prefix);

        var error = Assert.Throws<ArgumentException>(() => catalog.GetHandler(S3ResultHandler.DescriptorFor("Bad_Bucket")));

        Assert.Contains("s3(bucket=Bad_Bucket)", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a valid bucket name", error.Message, StringComparison.Ordinal);
    }
}
