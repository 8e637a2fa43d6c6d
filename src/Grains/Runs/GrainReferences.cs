namespace Tributary.Runs;

/// <summary>
/// References to the engine's own grains, made without the reflection that <see cref="IGrainFactory"/>'s
/// <c>GetGrain&lt;T&gt;(string)</c> runs on every call: Orleans reads the interface's attributes to find its grain interface
/// type each time (a W6 trace spent more time there than in the calls' own work). The first reference of an interface
/// is made the usual way and gives its grain type and interface type; later ones reuse them.
/// </summary>
internal static class GrainReferences
{
    /// <summary>The grain of <typeparamref name="TGrain"/> with <paramref name="key"/>, as <c>GetGrain&lt;TGrain&gt;(key)</c> gives it.</summary>
    public static TGrain Of<TGrain>(IGrainFactory factory, string key)
        where TGrain : IGrainWithStringKey
    {
        if (Types<TGrain>.Known is { } types)
        {
            return (TGrain)factory.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
        }

        var reference = factory.GetGrain<TGrain>(key);
        if (reference is GrainReference made)
        {
            // The same in every silo of the process: both are derived from the interface and its one implementation.
            Types<TGrain>.Known = new ResolvedTypes(made.GrainId.Type, made.InterfaceType);
        }

        return reference;
    }

    private sealed record ResolvedTypes(GrainType Grain, GrainInterfaceType Interface);

    private static class Types<TGrain>
    {
        // A reference, so that a reader sees both types or neither.
        public static volatile ResolvedTypes? Known;
    }
}
