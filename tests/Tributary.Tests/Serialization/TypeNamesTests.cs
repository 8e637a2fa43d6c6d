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
        typeof(Samples.Order),
        typeof(Samples.Outer.Inner),
        typeof(Samples.Outer.Box<Samples.Point>),
        typeof(List<Samples.Point>),
        typeof(Samples.Point[]),
        typeof(Samples.Point[][]),
        typeof(int[,]),
        typeof(Dictionary<string, List<Samples.Point[]>>),
        typeof((int, Samples.Point)),
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
            "System.Collections.Generic.List`1[[Tributary.Tests.Infrastructure.Samples+Point, Tributary.Tests]], System.Private.CoreLib",
            TypeNames.Of(typeof(List<Samples.Point>)));
    }

    [Fact]
    public void Resolve_UnknownType_ThrowsSerializationExceptionNamingIt()
    {
        var error = Assert.Throws<ResultSerializationException>(() => TypeNames.Resolve("No.Such.Type, No.Such.Assembly"));

        Assert.Contains("No.Such.Type, No.Such.Assembly", error.Message, StringComparison.Ordinal);
    }
}
