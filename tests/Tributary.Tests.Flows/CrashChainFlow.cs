using System.Globalization;
using Tributary.Flows;

namespace Tributary.Tests.Flows;

/// <summary>
/// A chain of <see cref="Length"/> checkpointed tasks (the configured default handler stores them): task <c>step-i</c>
/// returns i, from step-(i-1)'s output plus one, after a short piece of work, and records its start and its end.
/// <see cref="GateIndex"/> waits, once started, until the test releases the run: the test knows then which silo runs it.
/// </summary>
public sealed class CrashChainFlow : IFlowProvider
{
    /// <summary>The flow's name.</summary>
    public const string Name = "crash-chain";

    /// <summary>How many tasks the chain has.</summary>
    public const int Length = 200;

    /// <summary>The task that, once started, waits for the test to release the run (see <see cref="ExecutionLog.ReleasePath"/>).</summary>
    public const int GateIndex = 100;

    /// <summary>The name of the i-th task.</summary>
    public static string StepName(int index) => "step-" + index.ToString("D3", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public FlowDefinition Define()
    {
        var flow = new FlowBuilder(Name);
        var options = new TaskOptions { Checkpoint = true };
        var previous = flow.Task(StepName(0), (TaskRunContext context, CancellationToken cancellationToken) => WorkAsync(context, 0, cancellationToken), options);
        for (var i = 1; i < Length; i++)
        {
            previous = flow.Task(
                StepName(i),
                (int before, TaskRunContext context, CancellationToken cancellationToken) => WorkAsync(context, before + 1, cancellationToken),
                previous,
                options);
        }

        return flow.Build();
    }

    private static async Task<int> WorkAsync(TaskRunContext context, int value, CancellationToken cancellationToken)
    {
        ExecutionLog.Append(context, "start");
        if (value == GateIndex)
        {
            await ExecutionLog.WaitForReleaseAsync(context, cancellationToken);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        ExecutionLog.Append(context, "end");
        return value;
    }
}
