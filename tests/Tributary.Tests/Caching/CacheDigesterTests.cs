using Microsoft.Extensions.Logging.Abstractions;
using Tributary.Caching;
using Tributary.Options;
using static Tributary.Testing.ConformanceSamples;

namespace Tributary.Tests.Caching;

/// <summary>Digests compare values, not identities, and depend on the key.</summary>
public sealed class CacheDigesterTests
{
    private readonly CacheDigester _digester = Digester(CacheRunTests.DigestKey);

    [Fact]
    public void OfValue_EqualRecordsWithEqualLists_SameDigest() =>
        Assert.Equal(
            _digester.OfValue(new Order("o", 1.5m, ["a", "b"]), typeof(Order)),
            _digester.OfValue(new Order("o", 1.5m, new List<string> { "a", "b" }), typeof(Order)));

    [Fact]
    public void OfValue_DifferentValues_DifferentDigests() =>
        Assert.NotEqual(_digester.OfValue(new Point(1, 2), typeof(Point)), _digester.OfValue(new Point(2, 1), typeof(Point)));

    [Fact]
    public void OfJson_MemberOrderAndNumberForm_DoNotCount()
    {
        Assert.Equal(_digester.OfJson("""{"a":1,"b":[2,3]}"""), _digester.OfJson("""{ "b": [2.0, 3], "a": 1e0 }"""));
        Assert.Equal(_digester.OfValue(42, typeof(int)), _digester.OfJson("42"));
    }

    [Fact]
    public void OfJson_AnotherKey_AnotherDigest() =>
        Assert.NotEqual(_digester.OfJson("42"), Digester(Convert.ToBase64String(new byte[32])).OfJson("42"));

    [Fact]
    public void Create_NoKey_UsesARandomKeyOfItsOwn()
    {
        var (one, two) = (Digester(null), Digester(null));

        Assert.True(one.KeyIsRandom);
        Assert.NotEqual(one.OfJson("42"), two.OfJson("42"));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")] // 5 bytes
    public void Validate_BadDigestKey_NamesTheSetting(string key)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new CacheOptions { DigestKey = key }.Validate());

        Assert.Contains("Tributary:Cache:DigestKey", error.Message);
    }

    internal static CacheDigester Digester(string? key) =>
        new(Microsoft.Extensions.Options.Options.Create(new CacheOptions { DigestKey = key }), NullLogger<CacheDigester>.Instance);
}
