using Tributary.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Serialization;

/// <summary>The contract types that cross grain boundaries, through Orleans' own serializer.</summary>
public sealed class OrleansSerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer()
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void RoundTrip_Descriptor_KeepsKindAndSettings()
    {
        var descriptor = new ResultHandlerDescriptor("my-kind", [new("b", "2"), new("a", "1"), new("Z", "3")]);

        var copy = RoundTrip(descriptor);

        Assert.Equal(descriptor, copy);
        Assert.Equal(descriptor.GetHashCode(), copy.GetHashCode());
        Assert.Equal(["Z", "a", "b"], copy.Settings.Keys); // still ordinal order
    }

    [Fact]
    public async Task RoundTrip_StoredSafeResult_IsEqualAndNeedsCatalog()
    {
        using var directory = new TempDirectory();
        var stored = (SafeResult)await Result.Create(ConformanceSamples.SampleOrder(), new LocalResultHandler(directory.Path)).StoreSafeValueAsync();

        var copy = RoundTrip(stored);

        Assert.Equal(stored, copy);
        Assert.Equal(stored.ValueTypeName, copy.ValueTypeName);
        // The handler instance does not travel: the receiving side rebuilds it from the descriptor.
        await Assert.ThrowsAsync<InvalidOperationException>(() => copy.ToResultAsync());
        Assert.Equal(ConformanceSamples.SampleOrder(), (await copy.ToResultAsync(new ResultHandlerCatalog())).Value);
    }

    [Fact]
    public void RoundTrip_LocationNotFoundException_KeepsLocationHandlerAndMessage()
    {
        var error = new ResultLocationNotFoundException("/results/x.json", ResultHandlers.Local("/results"));

        var copy = RoundTrip(error);

        Assert.Equal(error.Location, copy.Location);
        Assert.Equal(error.Handler, copy.Handler);
        Assert.Equal(error.Message, copy.Message);
    }

    [Fact]
    public void RoundTrip_UnknownHandlerException_KeepsKindAndMessage()
    {
        var error = new UnknownResultHandlerException("s3", ["json", "local"]);

        var copy = RoundTrip(error);

        Assert.Equal("s3", copy.Kind);
        Assert.Equal(error.Message, copy.Message);
    }

    private static T RoundTrip<T>(T value)
        where T : class =>
        Serializer.Deserialize<T>(Serializer.SerializeToArray(value)) ?? throw new InvalidOperationException("Deserialized to null.");
}
