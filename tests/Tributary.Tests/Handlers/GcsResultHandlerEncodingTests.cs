using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Handlers;
using Tributary.Handlers.GoogleCloudStorage;
using Tributary.Hosting;
using Tributary.Options;
using Tributary.Serialization;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>
/// The Cloud Storage handler writes the format and codec its descriptor chooses (from code, a task's descriptor or
/// configuration), and any host reads them back whatever it writes itself.
/// </summary>
[Collection(GcsCollection.Name)]
public sealed class GcsResultHandlerEncodingTests(GcsFixture gcs)
{
    private readonly GcsTestServer _server = gcs.Server;

    [Fact]
    public async Task WriteAsync_MessagePackBrotliLargeValue_ObjectHeaderNamesThemAndAPlainHostReadsIt()
    {
        var bucket = _server.CreateBucket();
        var writer = GcsHosts.Catalog(_server, bucket).GetHandler(GcsHosts.Descriptor(_server, bucket, "mp/", ResultFormat.MessagePack, ResultCodec.Brotli));
        var value = string.Concat(Enumerable.Repeat("a compressible line of a large result\n", 20_000)); // ~760 KB

        var location = (await writer.WriteAsync(value, typeof(string)))!.GetValue<string>();

        var (_, name) = GcsHosts.Parse(location);
        Assert.EndsWith(".msgpack", name, StringComparison.Ordinal);
        var stored = _server.Content(bucket, name)!;
        // The header: 0xC1 'T' 'R' 'B', version 1, format 2 (MessagePack), codec 2 (Brotli), reserved 0.
        Assert.Equal(new byte[] { 0xC1, (byte)'T', (byte)'R', (byte)'B', 1, (byte)ResultFormat.MessagePack, (byte)ResultCodec.Brotli, 0 }, stored[..8]);
        Assert.True(stored.Length < value.Length / 50, $"Expected Brotli to shrink {value.Length} characters well, stored {stored.Length} bytes.");
        Assert.Equal("application/octet-stream", _server.ContentType(bucket, name));

        // A host whose handler chooses nothing (JSON) reads it: the bytes say how they were written.
        var plain = GcsHosts.Catalog(_server, bucket).GetHandler(GcsHosts.Descriptor(_server, bucket, "mp/"));
        Assert.Null(plain.Descriptor.GetSetting(ResultEncoding.FormatSetting));
        Assert.Equal(value, await plain.ReadAsync(location, typeof(string)));
    }

    [Fact]
    public async Task WriteAsync_JsonGZip_BinObjectAsOctetStreamWhilePlainJsonStaysJson()
    {
        var bucket = _server.CreateBucket();
        var catalog = GcsHosts.Catalog(_server, bucket);
        var compressed = catalog.GetHandler(GcsHosts.Descriptor(_server, bucket, format: ResultFormat.Json, codec: ResultCodec.GZip));
        var plain = catalog.GetHandler(GcsHosts.Descriptor(_server, bucket));
        var text = new string('x', 10_000);

        var (_, binName) = GcsHosts.Parse((await compressed.WriteAsync(text, typeof(string)))!.GetValue<string>());
        var (_, jsonName) = GcsHosts.Parse((await plain.WriteAsync(text, typeof(string)))!.GetValue<string>());

        Assert.EndsWith(".bin", binName, StringComparison.Ordinal);
        Assert.Equal("application/octet-stream", _server.ContentType(bucket, binName));
        var bin = _server.Content(bucket, binName)!;
        Assert.Equal([0xC1, (byte)ResultFormat.Json, (byte)ResultCodec.GZip], new[] { bin[0], bin[5], bin[6] });
        Assert.EndsWith(".json", jsonName, StringComparison.Ordinal);
        Assert.Equal("application/json", _server.ContentType(bucket, jsonName));
        Assert.Equal((byte)'"', _server.Content(bucket, jsonName)![0]); // no header: plain JSON as ever
    }

    [Fact]
    public void GetHandler_DescriptorChoosingFormat_HandlerDescriptorRecordsItCanonically()
    {
        var bucket = _server.CreateBucket();
        var catalog = GcsHosts.Catalog(_server, bucket);
        // As configuration binds it (Settings__Format=MsgPack): another case of key and value.
        var configured = new ResultHandlerDescriptor(GcsResultHandlers.Kind, [
            new(GcsResultHandlers.BucketSetting, bucket),
            new("Format", "MsgPack"),
            new("CODEC", "zlib"),
        ]);

        var handler = catalog.GetHandler(configured);

        var expected = GcsHosts.Descriptor(_server, bucket, format: ResultFormat.MessagePack, codec: ResultCodec.ZLib);
        Assert.Equal(expected, handler.Descriptor);
        Assert.Equal("msgpack", handler.Descriptor.GetSetting(ResultEncoding.FormatSetting));
        Assert.Equal("zlib", handler.Descriptor.GetSetting(ResultEncoding.CodecSetting));
        // Another host rebuilds the very same handler from it.
        Assert.Equal(expected, GcsHosts.Catalog(_server, bucket).GetHandler(handler.Descriptor).Descriptor);
    }

    [Fact]
    public void GetHandler_UnknownCodecSetting_ThrowsNamingTheSettingAndTheValue()
    {
        var bucket = _server.CreateBucket();
        var descriptor = new ResultHandlerDescriptor(GcsResultHandlers.Kind, [
            new(GcsResultHandlers.BucketSetting, bucket),
            new(ResultEncoding.CodecSetting, "lz4"),
        ]);

        var error = Assert.Throws<ArgumentException>(() => GcsHosts.Catalog(_server, bucket).GetHandler(descriptor));

        Assert.Contains("'codec' is 'lz4'", error.Message, StringComparison.Ordinal);
        Assert.Contains("brotli", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredDefault_GcsKindWithFormatSetting_WritesMessagePackAndATaskDescriptorChoosesOtherwise()
    {
        var bucket = _server.CreateBucket();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tributary:Gcs:Bucket"] = bucket,
            ["Tributary:Gcs:BaseUri"] = _server.BaseUri.ToString(),
            ["Tributary:Gcs:UnauthenticatedAccess"] = "true",
            ["Tributary:ResultHandler:Kind"] = GcsResultHandlers.Kind,
            // Keys as an environment variable binds them (Tributary__ResultHandler__Settings__Format).
            ["Tributary:ResultHandler:Settings:Format"] = "msgpack",
            ["Tributary:ResultHandler:Settings:Codec"] = "brotli",
        }).Build();
        // The host's registration (as TributarySiloHosting makes it) and the configured default descriptor.
        var catalog = new ServiceCollection()
            .AddConfiguredResultHandlers(configuration)
            .AddResultHandlerCatalog()
            .BuildServiceProvider()
            .GetRequiredService<IResultHandlerCatalog>();
        var configured = configuration.GetSection(ResultHandlerOptions.SectionName).Get<ResultHandlerOptions>()!.ToDescriptor();

        var byDefault = catalog.GetHandler(configured);
        var perTask = catalog.GetHandler(GcsResultHandlers.Bucket(bucket, "task/", _server.BaseUri, ResultFormat.Json));
        var fromDefault = (await byDefault.WriteAsync(new[] { 1, 2, 3 }, typeof(int[])))!.GetValue<string>();
        var fromTask = (await perTask.WriteAsync(new[] { 4, 5 }, typeof(int[])))!.GetValue<string>();

        Assert.Equal("msgpack", byDefault.Descriptor.GetSetting(ResultEncoding.FormatSetting));
        Assert.Equal("brotli", byDefault.Descriptor.GetSetting(ResultEncoding.CodecSetting));
        Assert.EndsWith(".msgpack", fromDefault, StringComparison.Ordinal);
        Assert.Equal(0xC1, _server.Content(bucket, GcsHosts.Parse(fromDefault).Name)![0]);
        Assert.EndsWith(".json", fromTask, StringComparison.Ordinal);
        Assert.Equal((byte)'[', _server.Content(bucket, GcsHosts.Parse(fromTask).Name)![0]);
        Assert.Equal(new[] { 1, 2, 3 }, await perTask.ReadAsync(JsonValueOf(fromDefault), typeof(int[])));
    }

    private static System.Text.Json.Nodes.JsonNode JsonValueOf(string location) => System.Text.Json.Nodes.JsonValue.Create(location);
}
