using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Handlers;
using Tributary.Handlers.S3;
using Tributary.Hosting;
using Tributary.Options;
using Tributary.Results;
using Tributary.Serialization;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>The S3 handler writes the format and codec its descriptor chooses, and every host reads every format back.</summary>
[Collection(S3rverCollection.Name)]
public sealed class S3ResultHandlerEncodingTests(S3rverFixture s3)
{
    // Far above FramedResultSerializer.CompressionThreshold, and compressible.
    private static readonly string[] Large = [.. Enumerable.Range(0, 2000).Select(i => $"row {i % 50}: the same words again and again")];

    private readonly string _prefix = $"encoding-{Guid.NewGuid():N}/";

    [Fact]
    public async Task WriteAsync_MessagePackBrotliDescriptor_ObjectCarriesTheirHeaderAndAHostWithoutAChoiceReadsIt()
    {
        var writer = S3Hosts.Catalog(s3.Server, s3.Bucket, _prefix)
            .GetHandler(S3ResultHandler.DescriptorFor(s3.Bucket, ResultFormat.MessagePack, ResultCodec.Brotli));
        var key = ResultKey.OfAttempt("encoding", $"run-{Guid.NewGuid():N}", "rows", 1, DateTimeOffset.UtcNow);

        var location = await writer.WriteAsync(Large, typeof(string[]), key);

        var objectKey = KeyOf(location);
        Assert.EndsWith("/rows/attempt-1.msgpack", objectKey, StringComparison.Ordinal);
        var stored = await ReadObjectAsync(objectKey);
        AssertHeader(stored, ResultFormat.MessagePack, ResultCodec.Brotli);
        var json = SystemTextJsonResultSerializer.Default.Serialize(Large, typeof(string[]));
        Assert.True(stored.Length < json.Length / 4, $"{stored.Length} bytes stored for {json.Length} bytes of JSON: not compressed");
        // Another host, configured with no format or codec, reads it from the plain descriptor.
        var reader = S3Hosts.Catalog(s3.Server, s3.Bucket, "elsewhere/").GetHandler(S3ResultHandler.DescriptorFor(s3.Bucket));
        Assert.Equal(Large, await reader.ReadAsync(location, typeof(string[])));
    }

    [Fact]
    public async Task WriteAsync_JsonGZipDescriptor_ObjectIsNamedBinAndCarriesTheGZipHeader()
    {
        var handler = S3Hosts.Catalog(s3.Server, s3.Bucket, _prefix)
            .GetHandler(S3ResultHandler.DescriptorFor(s3.Bucket, codec: ResultCodec.GZip));

        var location = await handler.WriteAsync(Large, typeof(string[]));

        Assert.Matches($"^{_prefix}[0-9a-f]{{32}}\\.bin$", KeyOf(location));
        AssertHeader(await ReadObjectAsync(KeyOf(location)), ResultFormat.Json, ResultCodec.GZip);
        Assert.Equal(new ResultHandlerDescriptor("s3", [new("bucket", s3.Bucket), new("codec", "gzip")]), handler.Descriptor);
    }

    [Fact]
    public async Task WriteAsync_NoChoice_ObjectIsPlainJsonAsBefore()
    {
        var handler = S3Hosts.Catalog(s3.Server, s3.Bucket, _prefix).GetHandler(S3ResultHandler.DescriptorFor(s3.Bucket));

        var location = await handler.WriteAsync(Large, typeof(string[]));

        Assert.EndsWith(".json", KeyOf(location), StringComparison.Ordinal);
        Assert.Equal(SystemTextJsonResultSerializer.Default.Serialize(Large, typeof(string[])), await ReadObjectAsync(KeyOf(location)));
    }

    [Theory]
    [InlineData("format", "xml", "json, msgpack")]
    [InlineData("codec", "zstd", "none, gzip, brotli, zlib")]
    [InlineData("Format", "protobuf", "json, msgpack")] // a configuration key keeps the case it was written in
    public void GetHandler_UnknownFormatOrCodec_ThrowsNamingTheSettingAndValue(string setting, string value, string expected)
    {
        var catalog = S3Hosts.Catalog(s3.Server, s3.Bucket, _prefix);
        var descriptor = new ResultHandlerDescriptor("s3", [new("bucket", s3.Bucket), new(setting, value)]);

        var error = Assert.Throws<ArgumentException>(() => catalog.GetHandler(descriptor));

        Assert.Contains($"'{setting.ToLowerInvariant()}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredDefault_KindS3WithFormatAndCodecSettings_WritesThemAndRecordsThemCanonically()
    {
        // As a host is configured: Tributary:S3 for the store, Tributary:ResultHandler for the default, keys in any case.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(S3Hosts.Settings(
                s3.Server, s3.Bucket, _prefix,
                ("Tributary:ResultHandler:Kind", "s3"),
                ("Tributary:ResultHandler:Settings:Format", "MsgPack"),
                ("Tributary:ResultHandler:Settings:codec", "brotli")))
            .Build();
        var services = new ServiceCollection().AddResultHandlerCatalog().AddConfiguredResultHandlers(configuration).BuildServiceProvider();
        var options = configuration.GetSection(ResultHandlerOptions.SectionName).Get<ResultHandlerOptions>()!;
        var handler = services.GetRequiredService<IResultHandlerCatalog>().GetHandler(options.ToDescriptor());

        var location = await handler.WriteAsync(Large, typeof(string[]));

        Assert.Equal(S3ResultHandler.DescriptorFor(s3.Bucket, ResultFormat.MessagePack, ResultCodec.Brotli), handler.Descriptor);
        Assert.EndsWith(".msgpack", KeyOf(location), StringComparison.Ordinal);
        AssertHeader(await ReadObjectAsync(KeyOf(location)), ResultFormat.MessagePack, ResultCodec.Brotli);
    }

    private static void AssertHeader(byte[] stored, ResultFormat format, ResultCodec codec) =>
        Assert.Equal([0xC1, (byte)'T', (byte)'R', (byte)'B', 1, (byte)format, (byte)codec, 0], stored[..8]);

    private async Task<byte[]> ReadObjectAsync(string key)
    {
        using var response = await s3.Client.GetObjectAsync(s3.Bucket, key);
        using var bytes = new MemoryStream();
        await response.ResponseStream.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    private string KeyOf(JsonNode? location)
    {
        var text = location!.GetValue<string>();
        var bucket = $"s3://{s3.Bucket}/";
        Assert.StartsWith(bucket, text, StringComparison.Ordinal);
        return text[bucket.Length..];
    }
}
