using Tributary.Testing;
using System.Text;
using Tributary.Serialization;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Serialization;

public sealed class FramedResultSerializerCodecTests
{
    public static TheoryData<string, ResultFormat, ResultCodec> Combinations
    {
        get
        {
            var data = new TheoryData<string, ResultFormat, ResultCodec>();
            foreach (var name in ValueCase.All.Keys)
            {
                foreach (var format in Enum.GetValues<ResultFormat>())
                {
                    foreach (var codec in Enum.GetValues<ResultCodec>())
                    {
                        data.Add(name, format, codec);
                    }
                }
            }

            return data;
        }
    }

    public static TheoryData<ResultCodec> Codecs => new(Enum.GetValues<ResultCodec>().Where(c => c != ResultCodec.None));

    [Theory]
    [MemberData(nameof(Combinations))]
    public void SerializeThenDeserialize_AnyFormatAndCodec_GivesEqualValueOnAHostConfiguredOtherwise(string name, ResultFormat format, ResultCodec codec)
    {
        var (value, type) = ValueCase.All[name];
        var writer = new FramedResultSerializer(format, codec);
        var reader = new FramedResultSerializer(ResultFormat.Json, ResultCodec.None);

        var bytes = writer.Serialize(value, type);

        Assert.Equal(value, reader.Deserialize(bytes, type));
        Assert.Equal(value, writer.Deserialize(bytes, type));
    }

    [Fact]
    public void Serialize_JsonWithoutCodec_WritesPlainJsonAsBefore()
    {
        var order = ConformanceSamples.SampleOrder();

        var bytes = new FramedResultSerializer().Serialize(order, typeof(ConformanceSamples.Order));

        Assert.Equal(SystemTextJsonResultSerializer.Default.Serialize(order, typeof(ConformanceSamples.Order)), bytes);
    }

    [Fact]
    public void Deserialize_OldJsonWithoutHeader_ReadsOnAMessagePackBrotliHost()
    {
        var old = Encoding.UTF8.GetBytes("""{"Id":"o-1","Amount":12.5,"Lines":["apples","pears"]}""");

        var back = new FramedResultSerializer(ResultFormat.MessagePack, ResultCodec.Brotli).Deserialize(old, typeof(ConformanceSamples.Order));

        Assert.Equal(ConformanceSamples.SampleOrder(), back);
    }

    [Theory]
    [MemberData(nameof(Codecs))]
    public void Serialize_CompressibleLargeValue_IsCompressed(ResultCodec codec)
    {
        var value = new byte[1024 * 1024];

        var bytes = new FramedResultSerializer(ResultFormat.MessagePack, codec).Serialize(value, typeof(byte[]));

        Assert.Equal((byte)codec, bytes[6]);
        Assert.True(bytes.Length < value.Length / 100, $"{codec}: {bytes.Length} bytes for 1 MB of zeros");
    }

    [Theory]
    [MemberData(nameof(Codecs))]
    public void Serialize_IncompressibleValue_IsStoredUncompressed(ResultCodec codec)
    {
        var value = new byte[64 * 1024];
        new Random(12).NextBytes(value);
        var serializer = new FramedResultSerializer(ResultFormat.MessagePack, codec);

        var bytes = serializer.Serialize(value, typeof(byte[]));

        Assert.Equal((byte)ResultCodec.None, bytes[6]);
        Assert.Equal(value, serializer.Deserialize(bytes, typeof(byte[])));
    }

    [Fact]
    public void Serialize_SmallValue_IsNotCompressed()
    {
        var bytes = new FramedResultSerializer(ResultFormat.Json, ResultCodec.GZip).Serialize("small", typeof(string));

        Assert.Equal((byte)ResultCodec.None, bytes[6]);
        Assert.Equal("\"small\"", Encoding.UTF8.GetString(bytes.AsSpan(8)));
    }

    [Theory]
    [MemberData(nameof(Codecs))]
    public void Deserialize_TruncatedCompressedPayload_ThrowsSerializationException(ResultCodec codec)
    {
        var value = Enumerable.Range(0, 50_000).Select(i => (byte)(i % 7)).ToArray();
        var bytes = new FramedResultSerializer(ResultFormat.MessagePack, codec).Serialize(value, typeof(byte[]));
        Assert.Equal((byte)codec, bytes[6]);

        Assert.Throws<ResultSerializationException>(
            () => new FramedResultSerializer().Deserialize(bytes.AsSpan(0, bytes.Length / 2), typeof(byte[])));
    }

    [Fact]
    public void Deserialize_CorruptCompressedPayload_ThrowsSerializationExceptionNamingCodec()
    {
        var value = Enumerable.Range(0, 50_000).Select(i => (byte)(i % 7)).ToArray();
        var bytes = new FramedResultSerializer(ResultFormat.MessagePack, ResultCodec.GZip).Serialize(value, typeof(byte[]));
        bytes.AsSpan(8, 10).Fill(0xFF);

        var error = Assert.Throws<ResultSerializationException>(
            () => new FramedResultSerializer().Deserialize(bytes, typeof(byte[])));

        Assert.Contains("gzip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_HeaderCutShort_ThrowsSerializationExceptionSayingTruncated()
    {
        var bytes = new FramedResultSerializer(ResultFormat.MessagePack).Serialize(1, typeof(int));

        var error = Assert.Throws<ResultSerializationException>(
            () => new FramedResultSerializer().Deserialize(bytes.AsSpan(0, 5), typeof(int)));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_NewerHeaderVersion_ThrowsSerializationExceptionSayingUpgrade()
    {
        var bytes = new FramedResultSerializer(ResultFormat.MessagePack).Serialize(1, typeof(int));
        bytes[4] = 9;

        var error = Assert.Throws<ResultSerializationException>(() => new FramedResultSerializer().Deserialize(bytes, typeof(int)));

        Assert.Contains("upgrade", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_UnknownFormat_ThrowsSerializationException()
    {
        var bytes = new FramedResultSerializer(ResultFormat.MessagePack).Serialize(1, typeof(int));
        bytes[5] = 77;

        var error = Assert.Throws<ResultSerializationException>(() => new FramedResultSerializer().Deserialize(bytes, typeof(int)));

        Assert.Contains("77", error.Message, StringComparison.Ordinal);
    }
}
