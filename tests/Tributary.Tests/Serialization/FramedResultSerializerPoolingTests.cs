using Tributary.Serialization;

namespace Tributary.Tests.Serialization;

/// <summary>
/// Large results are written and read through pooled memory: the framed path neither copies the payload behind the
/// header nor copies stored bytes before MessagePack reads them.
/// </summary>
public sealed class FramedResultSerializerPoolingTests
{
    private const int OneMegabyte = 1024 * 1024;

    public static TheoryData<ResultFormat, ResultCodec> Encodings => new()
    {
        { ResultFormat.MessagePack, ResultCodec.None },
        { ResultFormat.MessagePack, ResultCodec.Brotli },
        { ResultFormat.Json, ResultCodec.GZip },
        { ResultFormat.Json, ResultCodec.None },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void SerializeRented_Value_GivesTheBytesSerializeGivesAndReadsBack(ResultFormat format, ResultCodec codec)
    {
        var serializer = new FramedResultSerializer(format, codec);
        var value = Enumerable.Range(0, 50_000).Select(i => $"row-{i % 97}").ToArray();

        using var rented = serializer.SerializeRented(value, typeof(string[]));

        Assert.Equal(serializer.Serialize(value, typeof(string[])), rented.Memory.ToArray());
        Assert.Equal(value, serializer.Deserialize((ReadOnlyMemory<byte>)rented.Memory, typeof(string[])));
        // Through the interface, as a caller with a span reads it.
        Assert.Equal(value, ((IResultSerializer)serializer).Deserialize(rented.Memory.Span, typeof(string[])));
    }

    [Fact]
    public void MessagePackDeserialize_FromASpan_ReadsTheValue()
    {
        var bytes = MessagePackResultSerializer.Default.Serialize(new[] { 1, 2, 3 }, typeof(int[]));

        Assert.Equal(new[] { 1, 2, 3 }, MessagePackResultSerializer.Default.Deserialize(bytes.AsSpan(), typeof(int[])));
    }

    [Theory]
    [InlineData(ResultCodec.None)]
    [InlineData(ResultCodec.Brotli)]
    public void WriteThenRead_OneMegabyteMessagePack_AllocatesFarLessThanTheValue(ResultCodec codec)
    {
        var serializer = new FramedResultSerializer(ResultFormat.MessagePack, codec);
        var value = new byte[OneMegabyte];
        Random.Shared.NextBytes(value.AsSpan(0, OneMegabyte / 2)); // half random, half zeros: Brotli pays off

        RoundTrip(serializer, value); // warms the pool
        var before = GC.GetAllocatedBytesForCurrentThread();
        var back = RoundTrip(serializer, value);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(value, back);
        // The value read back is itself 1 MB; anything else would be a copy of the payload.
        Assert.True(allocated < OneMegabyte + OneMegabyte / 4, $"{allocated:N0} bytes allocated to write and read a 1 MB value");
    }

    private static byte[] RoundTrip(FramedResultSerializer serializer, byte[] value)
    {
        using var rented = serializer.SerializeRented(value, typeof(byte[]));
        return (byte[])serializer.Deserialize((ReadOnlyMemory<byte>)rented.Memory, typeof(byte[]))!;
    }
}
