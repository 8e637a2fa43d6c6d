namespace Tributary.Bench.Baselines.DurableTask;

/// <summary>W2 for the Durable Task Framework: a root, <paramref name="Branches"/> parallel steps on its <paramref name="Size"/>-byte value, one reducer.</summary>
public sealed record FanInput(int Branches, int Size);
