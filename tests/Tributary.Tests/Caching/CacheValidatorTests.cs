using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using Tributary.Caching;
using Tributary.Results;

namespace Tributary.Tests.Caching;

/// <summary>Each built-in validator's meaning, valid and invalid, expiry on a fake clock; and a user's own validator.</summary>
public sealed class CacheValidatorTests
{
    private static readonly ImmutableDictionary<string, string> Empty = ImmutableDictionary<string, string>.Empty;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void NeverUse_FreshEntry_Invalid() =>
        Assert.False(CacheValidator.NeverUse.IsValid(Entry(TimeSpan.FromHours(1)), Now()));

    [Fact]
    public void DurationOnly_BeforeAndAtExpiry_ValidThenInvalid()
    {
        var entry = Entry(TimeSpan.FromMinutes(10));

        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        var before = CacheValidator.DurationOnly.IsValid(entry, Now());
        _time.Advance(TimeSpan.FromTicks(1));
        var at = CacheValidator.DurationOnly.IsValid(entry, Now());

        Assert.Equal((true, false), (before, at));
    }

    [Fact]
    public void DurationOnly_EntryWithoutExpiry_NeverExpires()
    {
        var entry = Entry(cacheFor: null);
        _time.Advance(TimeSpan.FromDays(3650));

        Assert.True(CacheValidator.DurationOnly.IsValid(entry, Now()));
    }

    [Theory]
    [InlineData("a=1,b=2", "a=1,b=2", true)]
    [InlineData("a=1,b=2", "b=2,a=1", true)] // order does not count
    [InlineData("a=1,b=2", "a=1,b=3", false)] // a different value
    [InlineData("a=1,b=2", "a=1", false)] // a missing input
    [InlineData("a=1", "a=1,b=2", false)] // an extra input
    public void AllInputs_ComparesEveryInputExactly(string recorded, string current, bool valid) =>
        Assert.Equal(valid, CacheValidator.AllInputs.IsValid(Entry(TimeSpan.FromHours(1)) with { InputDigests = Digests(recorded) }, Now(inputs: current)));

    [Fact]
    public void AllInputs_EqualInputsButExpired_Invalid()
    {
        var entry = Entry(TimeSpan.FromMinutes(1)) with { InputDigests = Digests("a=1") };
        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.False(CacheValidator.AllInputs.IsValid(entry, Now(inputs: "a=1")));
    }

    [Fact]
    public void AllInputs_EntryRecordedNoInputs_Invalid() =>
        Assert.False(CacheValidator.AllInputs.IsValid(Entry(TimeSpan.FromHours(1)), Now(inputs: "a=1")));

    [Theory]
    [InlineData("p=1,q=2", "p=1,q=2", true)]
    [InlineData("p=1,q=2", "p=1,q=9", false)]
    [InlineData("p=1,q=2", "p=1", false)]
    [InlineData("p=1", "p=1,q=2", false)]
    public void AllParameters_ComparesEveryParameterExactly(string recorded, string current, bool valid) =>
        Assert.Equal(valid, CacheValidator.AllParameters.IsValid(Entry(TimeSpan.FromHours(1)) with { ParameterDigests = Digests(recorded) }, Now(parameters: current)));

    [Theory]
    [InlineData("a=1,b=2", "a=1,b=9", true)] // b does not count
    [InlineData("a=1,b=2", "a=1", true)]
    [InlineData("a=1,b=2", "a=9,b=2", false)]
    [InlineData("b=2", "a=1,b=2", false)] // the entry did not record a
    public void PartialInputsOnly_ComparesOnlyTheNamedInputs(string recorded, string current, bool valid) =>
        Assert.Equal(valid, CacheValidator.PartialInputsOnly("a").IsValid(Entry(TimeSpan.FromHours(1)) with { InputDigests = Digests(recorded) }, Now(inputs: current)));

    [Theory]
    [InlineData("p=1,q=2", "p=1,q=9", true)]
    [InlineData("p=1,q=2", "p=9,q=2", false)]
    public void PartialParametersOnly_ComparesOnlyTheNamedParameters(string recorded, string current, bool valid) =>
        Assert.Equal(valid, CacheValidator.PartialParametersOnly("p").IsValid(Entry(TimeSpan.FromHours(1)) with { ParameterDigests = Digests(recorded) }, Now(parameters: current)));

    [Fact]
    public void PartialParametersOnly_Expired_Invalid()
    {
        var entry = Entry(TimeSpan.FromSeconds(30)) with { ParameterDigests = Digests("p=1") };
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.False(CacheValidator.PartialParametersOnly("p").IsValid(entry, Now(parameters: "p=1")));
    }

    [Fact]
    public void UserValidator_OwnRule_DecidesWithTheSameFacts()
    {
        var validator = new YoungerThan(TimeSpan.FromMinutes(5));
        var entry = Entry(cacheFor: null);

        var young = validator.IsValid(entry, Now());
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal((true, false), (young, validator.IsValid(entry, Now())));
        Assert.True(validator.Inputs.IsNone && validator.Parameters.IsNone);
    }

    /// <summary>A user's validator: entries younger than a given age, whatever their expiry.</summary>
    private sealed class YoungerThan(TimeSpan age) : CacheValidator
    {
        public override CacheSelection Inputs => CacheSelection.None;

        public override CacheSelection Parameters => CacheSelection.None;

        public override bool IsValid(CacheEntry entry, CacheValidationContext current) => current.Now - entry.CreatedAt < age;
    }

    private CacheEntry Entry(TimeSpan? cacheFor) => new()
    {
        Id = "e-1",
        Output = new SafeResult("\"/tmp/x.json\"", Tributary.Handlers.ResultHandlers.Local("/tmp")),
        FlowName = "flow",
        FlowRunId = "run-1",
        TaskName = "task",
        CreatedAt = _time.GetUtcNow(),
        ExpiresAt = cacheFor is { } duration ? _time.GetUtcNow() + duration : null,
    };

    private CacheValidationContext Now(string inputs = "", string parameters = "") =>
        new(_time.GetUtcNow(), Digests(inputs), Digests(parameters));

    // "a=1,b=2" as digests by name (the digests' form does not matter to validators: they compare them as strings).
    private static ImmutableDictionary<string, string> Digests(string pairs) =>
        pairs.Length == 0
            ? Empty
            : pairs.Split(',').Select(pair => pair.Split('=')).ToImmutableDictionary(parts => parts[0], parts => $"digest-of-{parts[1]}");
}
