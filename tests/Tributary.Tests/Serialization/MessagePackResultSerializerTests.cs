using Tributary.Testing;
using Tributary.Serialization;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Serialization;

public sealed class MessagePackResultSerializerTests
{
    public static TheoryData<string> Cases => new(ValueCase.All.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void SerializeThenDeserialize_Value_GivesEqualValue(string name)
    {
        var (value, type) = ValueCase.All[name];

        var bytes = MessagePackResultSerializer.Default.Serialize(value, type);

        Assert.Equal(value, MessagePackResultSerializer.Default.Deserialize(bytes, type));
    }

    [Fact]
    public void Serialize_Bytes_StoresThemRawNotAsBase64()
    {
        var value = new byte[100_000];

        var bytes = MessagePackResultSerializer.Default.Serialize(value, typeof(byte[]));

        // bin32 marker + 4-byte length: 5 bytes of overhead, where JSON's base64 adds a third.
        Assert.Equal(value.Length + 5, bytes.Length);
    }

    [Fact]
    public void Deserialize_BytesOfAnotherShape_ThrowsSerializationExceptionNamingType()
    {
        var bytes = MessagePackResultSerializer.Default.Serialize("text", typeof(string));

        var error = Assert.Throws<ResultSerializationException>(
            () => MessagePackResultSerializer.Default.Deserialize(bytes, typeof(ConformanceSamples.Point)));

        Assert.Contains(typeof(ConformanceSamples.Point).FullName!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_Truncated_ThrowsSerializationException()
    {
        var bytes = MessagePackResultSerializer.Default.Serialize(ConformanceSamples.SampleOrder(), typeof(ConformanceSamples.Order));

        Assert.Throws<ResultSerializationException>(
            () => MessagePackResultSerializer.Default.Deserialize(bytes.AsSpan(0, bytes.Length / 2), typeof(ConformanceSamples.Order)));
    }

    [Fact]
    public void Deserialize_AsObject_GivesPlainDataNeverAStoredType()
    {
        // Guards the no-typeless rule: a value read as object is maps and primitives, never a type named by the data.
        var bytes = MessagePackResultSerializer.Default.Serialize(new ConformanceSamples.Point(1, 2), typeof(ConformanceSamples.Point));

        var back = MessagePackResultSerializer.Default.Deserialize(bytes, typeof(object));

        Assert.IsNotType<ConformanceSamples.Point>(back);
        Assert.IsAssignableFrom<IDictionary<object, object>>(back);
    }
}
