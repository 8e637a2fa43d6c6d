namespace Tributary.Bench.Baselines.DurableTask;

/// <summary>One step's input: the previous value, and whether this attempt is one that fails (W4's first attempt of every 10th step).</summary>
public sealed record StepInput(byte[] Value, bool Fail);
