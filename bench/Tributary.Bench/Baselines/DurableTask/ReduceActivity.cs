using DurableTask.Core;
using Tributary.Bench.Workloads;

namespace Tributary.Bench.Baselines.DurableTask;

/// <summary>W2's reducer: the workloads' <see cref="Payloads.Reduce"/> over every branch's value.</summary>
public sealed class ReduceActivity : TaskActivity<byte[][], long>
{
    protected override long Execute(TaskContext context, byte[][] input) => Payloads.Reduce(input);
}
