using DurableTask.Core;
using Tributary.Bench.Workloads;

namespace Tributary.Bench.Baselines.DurableTask;

/// <summary>A chain or fan-out step: the workloads' <see cref="Payloads.Next"/>, or a failure when the orchestration says this attempt fails.</summary>
public sealed class NextActivity : TaskActivity<StepInput, byte[]>
{
    protected override byte[] Execute(TaskContext context, StepInput input) =>
        input.Fail ? throw new InvalidOperationException("this step fails once") : Payloads.Next(input.Value);
}
