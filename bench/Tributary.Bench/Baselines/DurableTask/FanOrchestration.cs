using DurableTask.Core;

namespace Tributary.Bench.Baselines.DurableTask;

/// <summary>W2 as an orchestration: a root activity, every branch scheduled at once on its value, one reducer over all of them.</summary>
public sealed class FanOrchestration : TaskOrchestration<long, FanInput>
{
    public override async Task<long> RunTask(OrchestrationContext context, FanInput input)
    {
        var root = await context.ScheduleTask<byte[]>(typeof(CreateActivity), input.Size);
        var branches = await Task.WhenAll(Enumerable.Range(0, input.Branches)
            .Select(_ => context.ScheduleTask<byte[]>(typeof(NextActivity), new StepInput(root, Fail: false))));
        return await context.ScheduleTask<long>(typeof(ReduceActivity), [branches]);
    }
}
