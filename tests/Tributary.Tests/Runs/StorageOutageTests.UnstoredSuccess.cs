using Tributary.Grains;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

public sealed partial class StorageOutageTests
{
    /// <summary>
    /// How long storage stays away after the task's code returned: a scenario length (not a synchronisation), several
    /// of the run's 1 s progress checks, each of which asks the task for its state.
    /// </summary>
    private static readonly TimeSpan UnstoredOutage = TimeSpan.FromSeconds(4);

    // Guards a fixed bug: a success held in memory while its write retried was answered, and the run moved on with it.
    [Fact]
    public async Task Run_StorageDownWhenATaskSucceeds_NobodyIsToldOfTheSuccessBeforeItIsStored()
    {
        var patience = TributaryClusterFixture.Patience;
        var runId = await _cluster.StartAsync(UnstoredFlow);
        await TaskProbes.Gate(runId, $"{SideTask}-{Running}").Task.WaitAsync(patience);
        await _cluster.WaitForStoredTaskAsync(runId, SideTask, state => state.Status == TaskRunStatus.Running, patience);
        // A client looks at the run (as `tributary status` does), so every task's state is read while storage is there:
        // the run's progress checks during the outage then wait on no read, only on what the tasks answer.
        await _cluster.Client.GetGrain<IFlowRunGrain>(runId).GetSnapshotAsync();

        // From here until the outage ends, storage can receive nothing: side's success cannot be stored.
        _cluster.BeginOutage();
        TaskRunState sideAnswered;
        FlowRunState runView;
        int afterRuns;
        try
        {
            TaskProbes.Gate(runId, Open).TrySetResult();
            await TaskProbes.Gate(runId, $"{SideTask}-{Returned}").Task.WaitAsync(patience);
            await Task.Delay(UnstoredOutage); // the scenario: storage stays away this long after side's code returned
            sideAnswered = await _cluster.GetTaskStateAsync(runId, SideTask);
            runView = await _cluster.Client.GetGrain<IFlowRunGrain>(runId).GetStateAsync();
            afterRuns = TaskProbes.CountOf(runId, AfterTask);
        }
        finally
        {
            _cluster.EndOutage();
        }

        FlowRunState final;
        try
        {
            final = await _cluster.WaitForFlowAsync(runId, patience);
        }
        finally
        {
            Report($"run {runId}, storage down: side answered {sideAnswered.Status}, the run counted it {runView.TaskStatuses[SideTask]}, 'after' ran {afterRuns} time(s)");
            ReportEngineLog();
        }

        Assert.True(
            afterRuns == 0,
            $"'{AfterTask}' ran while storage was down, on a success of '{SideTask}' that storage never received (the run learned it from side's state in memory).");
        Assert.True(
            runView.TaskStatuses[SideTask] == TaskRunStatus.Running,
            $"While storage was down the run counted '{SideTask}' as {runView.TaskStatuses[SideTask]}; storage held Running.");
        Assert.True(
            sideAnswered.Status == TaskRunStatus.Running,
            $"While storage was down '{SideTask}' answered {sideAnswered.Status}; storage held Running.");
        Assert.True(final.Status == FlowRunStatus.Success, $"The run ended {final.Status}: {final.Message}");
        Assert.Equal((1, 1), (TaskProbes.CountOf(runId, SideTask), TaskProbes.CountOf(runId, AfterTask)));
    }
}
