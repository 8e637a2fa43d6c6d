using Tributary.Testing;
using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.Serialization;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Serialization;

public sealed class LocalResultHandlerCodecTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Local_FormatAndCodec_AreRecordedInTheDescriptor()
    {
        var descriptor = ResultHandlers.Local(_directory.Path, ResultFormat.MessagePack, ResultCodec.GZip);

        Assert.Equal("msgpack", descriptor.GetSetting(ResultEncoding.FormatSetting));
        Assert.Equal("gzip", descriptor.GetSetting(ResultEncoding.CodecSetting));
        Assert.Equal(descriptor, new ResultHandlerCatalog().GetHandler(descriptor).Descriptor);
    }

    [Fact]
    public void Local_NoChoice_DescriptorIsAsBefore()
    {
        var descriptor = ResultHandlers.Local(_directory.Path);

        Assert.Equal([LocalResultHandler.DirectorySetting], descriptor.Settings.Keys);
    }

    [Fact]
    public async Task WriteAsync_MessagePackBrotli_ReadByAHostConfiguredForJson()
    {
        var writer = new ResultHandlerCatalog().GetHandler(ResultHandlers.Local(_directory.Path, ResultFormat.MessagePack, ResultCodec.Brotli));
        var value = new byte[256 * 1024];
        var stored = (SafeResult)await new Result(value, typeof(byte[]), writer).StoreSafeValueAsync();

        var file = stored.Json.Trim('"');
        Assert.EndsWith(".msgpack", file, StringComparison.Ordinal);
        Assert.True(new FileInfo(file).Length < value.Length / 100);

        // Another host: only the safe value crossed; its catalog's serializer is plain JSON.
        var back = await new SafeResult(stored.Json, stored.Handler, stored.ValueTypeName)
            .ToResultAsync(new ResultHandlerCatalog(SystemTextJsonResultSerializer.Default));
        Assert.Equal(value, back.Value);
    }

    [Fact]
    public async Task ReadAsync_OldJsonResult_ReadsOnAHandlerWritingMessagePackGZip()
    {
        var old = new LocalResultHandler(_directory.Path);
        var location = await old.WriteAsync(ConformanceSamples.SampleOrder(), typeof(ConformanceSamples.Order));
        Assert.StartsWith("{", await File.ReadAllTextAsync(location!.GetValue<string>()), StringComparison.Ordinal);

        var reader = new LocalResultHandler(_directory.Path, null, ResultFormat.MessagePack, ResultCodec.GZip);

        Assert.Equal(ConformanceSamples.SampleOrder(), await reader.ReadAsync(location, typeof(ConformanceSamples.Order)));
    }

    [Fact]
    public async Task ReadAsync_TruncatedFile_ThrowsSerializationExceptionNamingTheFileAndHandler()
    {
        var handler = new LocalResultHandler(_directory.Path, null, ResultFormat.MessagePack, ResultCodec.None);
        var location = await handler.WriteAsync(ConformanceSamples.SampleOrder(), typeof(ConformanceSamples.Order));
        var path = location!.GetValue<string>();
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes.AsMemory(0, bytes.Length - 6));

        var error = await Assert.ThrowsAsync<ResultSerializationException>(() => handler.ReadAsync(location, typeof(ConformanceSamples.Order)));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(LocalResultHandler.Kind, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetHandler_UnknownFormatSetting_ThrowsNamingTheSetting()
    {
        var descriptor = new ResultHandlerDescriptor(LocalResultHandler.Kind, [
            new(LocalResultHandler.DirectorySetting, _directory.Path),
            new(ResultEncoding.FormatSetting, "xml"),
        ]);

        var error = Assert.Throws<ArgumentException>(() => new ResultHandlerCatalog().GetHandler(descriptor));

        Assert.Contains("'format' is 'xml'", error.Message, StringComparison.Ordinal);
        Assert.Contains("msgpack", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_JsonGZip_WritesBinFileReadByPlainHandler()
    {
        var handler = new LocalResultHandler(_directory.Path, null, ResultFormat.Json, ResultCodec.GZip);
        var text = new string('x', 10_000);

        var location = await handler.WriteAsync(text, typeof(string));

        Assert.EndsWith(".bin", location!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(text, await new LocalResultHandler(_directory.Path).ReadAsync(location, typeof(string)));
    }
}
