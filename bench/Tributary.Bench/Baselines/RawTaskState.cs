namespace Tributary.Bench.Baselines;

[GenerateSerializer]
public sealed class RawTaskState
{
    [Id(0)]
    public byte[]? Output { get; set; }

    [Id(1)]
    public int Attempts { get; set; }
}
