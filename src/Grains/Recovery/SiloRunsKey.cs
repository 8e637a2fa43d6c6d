namespace Tributary.Recovery;

/// <summary>The key of a silo's <see cref="ISiloRunsGrain"/>: its address with its generation, so a restart on the same endpoint is another silo.</summary>
internal static class SiloRunsKey
{
    public static string Of(SiloAddress silo) => silo.ToParsableString();
}
