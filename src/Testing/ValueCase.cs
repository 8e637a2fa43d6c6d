namespace Tributary.Testing;

/// <summary>
/// Named values of the types task outputs are commonly made of, which every handler must round-trip (names keep the
/// theory cases readable in a test runner).
/// </summary>
public static class ValueCase
{
    /// <summary>Each case by name: the value and the type it is declared as.</summary>
    public static IReadOnlyDictionary<string, (object? Value, Type Type)> All { get; } = new Dictionary<string, (object?, Type)>
    {
        ["string"] = ("hello, world", typeof(string)),
        ["int"] = (42, typeof(int)),
        ["nullable int"] = ((int?)7, typeof(int?)),
        ["record"] = (ConformanceSamples.SampleOrder(), typeof(ConformanceSamples.Order)),
        ["nested record"] = (new ConformanceSamples.Outer.Inner("n"), typeof(ConformanceSamples.Outer.Inner)),
        ["list of records"] = (new List<ConformanceSamples.Point> { new(1, 2), new(3, 4) }, typeof(List<ConformanceSamples.Point>)),
        ["array of records"] = (new[] { new ConformanceSamples.Point(1, 2) }, typeof(ConformanceSamples.Point[])),
        ["dictionary"] = (new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }, typeof(Dictionary<string, int>)),
        ["bytes"] = (new byte[] { 0, 1, 2, 254, 255 }, typeof(byte[])),
        ["null record"] = (null, typeof(ConformanceSamples.Order)),
        ["null string"] = (null, typeof(string)),
    };
}
