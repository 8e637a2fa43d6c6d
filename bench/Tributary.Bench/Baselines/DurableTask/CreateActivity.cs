using DurableTask.Core;
using Tributary.Bench.Workloads;

namespace Tributary.Bench.Baselines.DurableTask;

/// <summary>The first task of every workload: a new value of the given size.</summary>
public sealed class CreateActivity : TaskActivity<int, byte[]>
{
    protected override byte[] Execute(TaskContext context, int input) => Payloads.Create(input);
}
