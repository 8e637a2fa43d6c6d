using Tributary.Flows;

namespace Tributary.Tests.Flows;

/// <summary>Triggers and retry policies are part of a flow's definition: checked when it is built, and part of its version.</summary>
public sealed class TriggerDefinitionTests
{
    // The same methods in every build, as a redeployed assembly would have.
    private static readonly Func<int> Source = () => 1;
    private static readonly Func<int, int> Next = value => value + 1;

    [Theory]
    [InlineData(TaskTrigger.AnyFailed)]
    [InlineData(TaskTrigger.AllFailed)]
    [InlineData(TaskTrigger.AnySuccessful)]
    public void Build_TriggerOnTaskWithNoUpstreamTask_ThrowsNamingTaskAndTrigger(TaskTrigger trigger)
    {
        var flow = new FlowBuilder("lonely");
        flow.Task("handler", Source, new TaskOptions { Trigger = trigger });

        var error = Assert.Throws<FlowValidationException>(flow.Build);

        Assert.Contains($"task 'handler' has trigger {trigger} but takes input from no task", Assert.Single(error.Problems));
    }

    [Theory]
    [InlineData(TaskTrigger.AllSuccessful)]
    [InlineData(TaskTrigger.AllFinished)]
    public void Build_DefaultOrAllFinishedWithNoUpstreamTask_IsValid(TaskTrigger trigger)
    {
        var flow = new FlowBuilder("root");
        flow.Task("only", Source, new TaskOptions { Trigger = trigger });

        Assert.Single(flow.Build().Tasks);
    }

    [Fact]
    public void Version_DefaultTriggerAndNoPolicySpelledOut_IsTheVersionWithoutThem()
    {
        // Flows that use neither keep the versions they had before triggers and policies existed.
        Assert.Equal(Build(TaskOptions.Default).Version, Build(new TaskOptions { Trigger = TaskTrigger.AllSuccessful }).Version);
    }

    [Fact]
    public void Version_TriggerOrPolicyChanged_Differs()
    {
        var versions = new[]
        {
            Build(TaskOptions.Default),
            Build(new TaskOptions { Trigger = TaskTrigger.AllFinished }),
            Build(new TaskOptions { Trigger = TaskTrigger.AnyFailed }),
            Build(new TaskOptions { Retry = new RetryPolicy() }),
            Build(new TaskOptions { Retry = new RetryPolicy { Jitter = 0.1 } }),
            Build(new TaskOptions { Retry = new RetryPolicy { NonRetryableExceptionTypes = [typeof(ArgumentException)] } }),
        }.Select(definition => definition.Version);

        Assert.Equal(6, versions.Distinct().Count());
    }

    private static FlowDefinition Build(TaskOptions options)
    {
        var flow = new FlowBuilder("versioned");
        var source = flow.Task("source", Source);
        flow.Task("next", Next, source, options);
        return flow.Build();
    }
}
