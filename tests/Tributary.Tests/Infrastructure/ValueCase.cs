namespace Tributary.Tests.Infrastructure;

/// <summary>Named values of the types results are commonly made of, for theories (names keep test cases readable).</summary>
public static class ValueCase
{
    /// <summary>Each case: the value and the type it is declared as.</summary>
    public static IReadOnlyDictionary<string, (object? Value, Type Type)> All { get; } = new Dictionary<string, (object?, Type)>
    {
        ["string"] = ("hello, world", typeof(string)),
        ["int"] = (42, typeof(int)),
        ["nullable int"] = ((int?)7, typeof(int?)),
        ["record"] = (Samples.SampleOrder(), typeof(Samples.Order)),
        ["nested record"] = (new Samples.Outer.Inner("n"), typeof(Samples.Outer.Inner)),
        ["list of records"] = (new List<Samples.Point> { new(1, 2), new(3, 4) }, typeof(List<Samples.Point>)),
        ["array of records"] = (new[] { new Samples.Point(1, 2) }, typeof(Samples.Point[])),
        ["dictionary"] = (new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }, typeof(Dictionary<string, int>)),
        ["bytes"] = (new byte[] { 0, 1, 2, 254, 255 }, typeof(byte[])),
        ["null record"] = (null, typeof(Samples.Order)),
        ["null string"] = (null, typeof(string)),
    };
}
