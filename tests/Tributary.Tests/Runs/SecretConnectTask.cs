using Tributary.Flows;

namespace Tributary.Tests.Runs;

/// <summary>
/// The task the secret tests feed a secret into: it records the value it got, fails its first attempt (so the secret is
/// cached for the retry through its handler), then waits on the run's "connect" gate, and is checkpointed.
/// </summary>
public static class SecretConnectTask
{
    /// <summary>Adds the task, named "connect", taking <paramref name="password"/>.</summary>
    public static TaskNode<string> Add(FlowBuilder flow, Node<string> password) => flow.Task(
        "connect",
        async (string password, TaskRunContext context) =>
        {
            TaskProbes.Record(context, password);
            if (TaskProbes.Count(context) == 1)
            {
                throw new InvalidOperationException("first attempt fails; the inputs are cached");
            }

            await TaskProbes.Gate(context.FlowRunId, "connect").Task;
            return $"connected with {password.Length} characters";
        },
        password,
        new TaskOptions { Checkpoint = true, MaxRetries = 1 });
}
