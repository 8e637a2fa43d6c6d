namespace Tributary.Bench.Baselines.DurableTask;

/// <summary>W1/W4 for the Durable Task Framework: a chain of <paramref name="Tasks"/> steps after the first on <paramref name="Size"/>-byte values; with <paramref name="Retry"/>, every 10th step fails once.</summary>
public sealed record ChainInput(int Tasks, int Size, bool Retry);
