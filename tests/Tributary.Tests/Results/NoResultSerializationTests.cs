using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Tributary.Results;

namespace Tributary.Tests.Results;

/// <summary><see cref="NoResult"/> crosses System.Text.Json and Orleans serialization and comes back as the one instance.</summary>
public sealed class NoResultSerializationTests
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private static readonly Serializer Serializer = Services.GetRequiredService<Serializer>();

    // Guards a fixed bug: NoResult's Value is itself, so System.Text.Json failed with "a possible object cycle".
    [Fact]
    public void RoundTrip_NoResultThroughSystemTextJson_IsTheInstance()
    {
        var json = JsonSerializer.Serialize(NoResult.Instance);

        Assert.Equal("{\"noResult\":true}", json);
        Assert.Same(NoResult.Instance, JsonSerializer.Deserialize<NoResult>(json));
        // Written as object (its runtime type decides), as a dashboard or a log would.
        Assert.Equal(json, JsonSerializer.Serialize<object>(NoResult.Instance));
    }

    [Theory]
    [InlineData("{\"noResult\":false}")]
    [InlineData("{}")]
    [InlineData("true")]
    public void Deserialize_JsonThatIsNotTheMarker_Throws(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<NoResult>(json));
    }

    // Guards a fixed bug: NoResult had no Orleans serializer, so it could not cross a grain boundary.
    [Fact]
    public void RoundTrip_NoResultThroughOrleans_IsTheInstance()
    {
        Assert.Same(NoResult.Instance, Serializer.Deserialize<NoResult>(Serializer.SerializeToArray(NoResult.Instance)));
        // As its base type (a grain method returning ResultBase) and as object.
        Assert.Same(NoResult.Instance, Serializer.Deserialize<ResultBase>(Serializer.SerializeToArray<ResultBase>(NoResult.Instance)));
        Assert.Same(NoResult.Instance, Serializer.Deserialize<object>(Serializer.SerializeToArray<object>(NoResult.Instance)));
    }

    [Fact]
    public void DeepCopy_NoResult_IsTheInstance()
    {
        // Orleans copies the arguments and results of calls between grains of one silo instead of serializing them.
        var copier = Services.GetRequiredService<DeepCopier>();

        Assert.Same(NoResult.Instance, copier.Copy(NoResult.Instance));
        Assert.Same(NoResult.Instance, copier.Copy<ResultBase>(NoResult.Instance));
    }
}
