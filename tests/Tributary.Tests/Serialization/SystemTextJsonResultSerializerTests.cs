using Tributary.Testing;
using System.Text;
using Tributary.Serialization;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Serialization;

public sealed class SystemTextJsonResultSerializerTests
{
    [Fact]
    public void Deserialize_BytesOfAnotherShape_ThrowsSerializationExceptionNamingType()
    {
        var error = Assert.Throws<ResultSerializationException>(
            () => SystemTextJsonResultSerializer.Default.Deserialize(Encoding.UTF8.GetBytes("\"text\""), typeof(ConformanceSamples.Point)));

        Assert.Contains(typeof(ConformanceSamples.Point).FullName!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_Unserializable_ThrowsSerializationException()
    {
        Assert.Throws<ResultSerializationException>(
            () => SystemTextJsonResultSerializer.Default.Serialize(new IntPtr(1), typeof(IntPtr)));
    }

    [Fact]
    public void SerializeThenDeserialize_Null_GivesNull()
    {
        var bytes = SystemTextJsonResultSerializer.Default.Serialize(null, typeof(ConformanceSamples.Order));

        Assert.Equal("null", Encoding.UTF8.GetString(bytes));
        Assert.Null(SystemTextJsonResultSerializer.Default.Deserialize(bytes, typeof(ConformanceSamples.Order)));
    }
}
