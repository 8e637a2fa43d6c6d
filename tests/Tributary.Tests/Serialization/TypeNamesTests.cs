using Tributary.Testing;
using Tributary.Serialization;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Serialization;

public sealed class TypeNamesTests
{
    public static TheoryData<Type> Types => new()
    {
        typeof(int),
        typeof(string),
        typeof(int?),
        typeof(ConformanceSamples.Order),
        typeof(ConformanceSamples.Outer.Inner),
        typeof(Box<ConformanceSamples.Point>),
        typeof(List<ConformanceSamples.Point>),
        typeof(ConformanceSamples.Point[]),
        typeof(ConformanceSamples.Point[][]),
        typeof(int[,]),
        typeof(Dictionary<string, List<ConformanceSamples.Point[]>>),
        typeof((int, ConformanceSamples.Point)),
        typeof(System.Collections.Immutable.ImmutableSortedDictionary<string, string>),
    };

    [Theory]
    [MemberData(nameof(Types))]
    public void Resolve_NameFromOf_GivesTheSameType(Type type)
    {
        var name = TypeNames.Of(type);

        Assert.Equal(type, TypeNames.Resolve(name));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Of_AnyType_HasNoVersionCultureOrKey(Type type)
    {
        var name = TypeNames.Of(type);

        Assert.DoesNotContain("Version=", name, StringComparison.Ordinal);
        Assert.DoesNotContain("Culture=", name, StringComparison.Ordinal);
        Assert.DoesNotContain("PublicKeyToken=", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_UserGenericType_NamesEveryAssembly()
    {
        Assert.Equal(
            "System.Collections.Generic.List`1[[Tributary.Testing.ConformanceSamples+Point, Tributary.Testing]], System.Private.CoreLib",
            TypeNames.Of(typeof(List<ConformanceSamples.Point>)));
    }

    [Fact]
    public void Resolve_UnknownType_ThrowsSerializationExceptionNamingIt()
    {
        var error = Assert.Throws<ResultSerializationException>(() => TypeNames.Resolve("No.Such.Type, No.Such.Assembly"));

        Assert.Contains("No.Such.Type, No.Such.Assembly", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A nested generic type.</summary>
    public sealed record Box<T>(T Content);
}
