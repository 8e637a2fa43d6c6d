using Tributary.Flows;

namespace Tributary.Tests.Flows;

/// <summary>
/// One task, <c>flaky</c>, whose first attempt fails and whose retry, <see cref="RetryDelay"/> later, succeeds: the test
/// kills the silo that holds it during the delay.
/// </summary>
public sealed class CrashRetryFlow : IFlowProvider
{
    /// <summary>The flow's name.</summary>
    public const string Name = "crash-retry";

    /// <summary>The task's name.</summary>
    public const string TaskName = "flaky";

    /// <summary>The delay before the retry.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public FlowDefinition Define()
    {
        var flow = new FlowBuilder(Name);
        flow.Task(
            TaskName,
            (TaskRunContext context) =>
            {
                ExecutionLog.Append(context, "start");
                if (context.Attempt == 1)
                {
                    ExecutionLog.Append(context, "fail");
                    throw new InvalidOperationException("The first attempt fails; the retry succeeds.");
                }

                return context.Attempt;
            },
            new TaskOptions { MaxRetries = 2, RetryDelay = RetryDelay, Checkpoint = true });
        return flow.Build();
    }
}
