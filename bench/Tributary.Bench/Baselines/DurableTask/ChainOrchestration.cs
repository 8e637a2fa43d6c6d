using DurableTask.Core;
using DurableTask.Core.Exceptions;

namespace Tributary.Bench.Baselines.DurableTask;

/// <summary>W1 and W4 as an orchestration: each activity takes the previous activity's value; a failed step is retried at once (W4's zero-delay retry).</summary>
public sealed class ChainOrchestration : TaskOrchestration<byte[], ChainInput>
{
    public override async Task<byte[]> RunTask(OrchestrationContext context, ChainInput input)
    {
        var value = await context.ScheduleTask<byte[]>(typeof(CreateActivity), input.Size);
        for (var i = 1; i <= input.Tasks; i++)
        {
            var failsOnce = input.Retry && i % 10 == 9;
            try
            {
                value = await context.ScheduleTask<byte[]>(typeof(NextActivity), new StepInput(value, failsOnce));
            }
            catch (TaskFailedException) when (failsOnce)
            {
                value = await context.ScheduleTask<byte[]>(typeof(NextActivity), new StepInput(value, Fail: false));
            }
        }

        return value;
    }
}
