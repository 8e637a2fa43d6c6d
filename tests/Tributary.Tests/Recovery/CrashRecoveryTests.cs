using Microsoft.Extensions.DependencyInjection;
using Tributary.Grains;
using Tributary.States;
using Tributary.Tests.Flows;
using Tributary.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Tributary.Tests.Recovery;

/// <summary>
/// SIGKILL of a silo process mid-run, on a cluster of three processes with state and checkpoints in Azurite: the run
/// goes on within the recovery target, from its checkpoints, and a retry whose silo died fires on time. The recovery
/// times are printed (<c>dotnet test --logger "console;verbosity=detailed"</c> shows them).
/// </summary>
public sealed class CrashRecoveryTests(ProcessCluster cluster, ITestOutputHelper output) : IClassFixture<ProcessCluster>
{
    /// <summary>SIGKILL to the run's next progress; and a retry's lateness after its due time when its silo died.</summary>
    private static readonly TimeSpan RecoveryTarget = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    // The silo running the chain's gated task is killed, and with it, when it hosts it, the flow run. Nobody watches
    // the run until it went on (the test reads only the execution log), so only the engine can pick it up.
    [Fact]
    public async Task Kill_SiloRunningATaskMidChain_RunGoesOnWithinTheTargetAndSucceedsFromItsCheckpoints()
    {
        Assert.True(cluster.LiveSilos.Count >= 2, "The test needs two live silos.");
        var runId = await cluster.Client.StartFlowRunAsync(CrashChainFlow.Name);
        var gate = CrashChainFlow.StepName(CrashChainFlow.GateIndex);
        await Poll.UntilAsync(() => StartsOf(runId).Any(start => start.TaskName == gate), Patience, $"{gate} to start");

        var gated = StartsOf(runId).Single(start => start.TaskName == gate);
        var victim = cluster.LiveSilos.Single(silo => silo.Pid == gated.Pid);
        var flowRunSilo = await cluster.SiloHostingAsync(Grain<IFlowRunGrain>(runId));
        var before = await cluster.Client.GetFlowRunAsync(runId);
        var storedSuccesses = before.Tasks.Where(task => task.Status == TaskRunStatus.Success).Select(task => task.TaskName).ToHashSet();
        var killedAt = DateTimeOffset.UtcNow;
        await victim.KillAsync();
        File.WriteAllText(ExecutionLog.ReleasePath(cluster.ExecutionLogPath, runId), "released after the kill");
        // Everything before the gated task succeeded, and nothing after it can start before it ran again.
        await Poll.UntilAsync(() => StartsOf(runId).Any(start => start.At > killedAt), Patience, $"{gate} to run again");
        var progress = StartsOf(runId).Where(start => start.At > killedAt).MinBy(start => start.At)!;
        var nextProgress = progress.At - killedAt;
        var final = await cluster.Client.WaitForFlowRunAsync(runId, Patience);

        output.WriteLine(
            $"Killed {victim.Name} (pid {victim.Pid}), which ran {gate}{(flowRunSilo == victim ? " and hosted the flow run" : $"; the flow run lived on {flowRunSilo.Name}")}, " +
            $"after {storedSuccesses.Count} stored successes; next progress {nextProgress.TotalSeconds:F2} s later ({progress.TaskName} " +
            $"attempt {progress.Attempt} on pid {progress.Pid}); the run ended {(final.Flow.FinishedAt!.Value - killedAt).TotalSeconds:F2} s after the kill.");
        Assert.True(final.Flow.Status == FlowRunStatus.Success, $"{final.Flow.Status}: {final.Flow.Message}\n{cluster.Outputs()}");
        Assert.Equal((gate, 2), (progress.TaskName, progress.Attempt));
        var starts = StartsOf(runId);
        var rerunAfterStoredSuccess = storedSuccesses.Where(task => starts.Count(start => start.TaskName == task) != 1).ToList();
        Assert.True(rerunAfterStoredSuccess.Count == 0, $"Ran again after their success was stored: {string.Join(", ", rerunAfterStoredSuccess)}.");
        Assert.Equal(CrashChainFlow.GateIndex, storedSuccesses.Count);
        for (var i = 0; i < CrashChainFlow.Length; i++)
        {
            var name = CrashChainFlow.StepName(i);
            Assert.Contains(starts, start => start.TaskName == name);
            Assert.Equal(i, (await cluster.Client.ReadTaskResultAsync<int>(runId, name)).Value);
            Assert.StartsWith("http://127.0.0.1", final.Tasks.Single(task => task.TaskName == name).Output?.Json.Trim('"'), StringComparison.Ordinal);
        }

        Assert.True(nextProgress < RecoveryTarget, $"The run went on {nextProgress.TotalSeconds:F2} s after the kill; the target is {RecoveryTarget.TotalSeconds} s.\n{cluster.Outputs()}");
    }

    [Fact]
    public async Task Kill_SiloOfATaskInItsRetryDelay_RetryFiresWithinTheTargetOfItsDueTime()
    {
        Assert.True(cluster.LiveSilos.Count >= 2, "The test needs two live silos.");
        var runId = await cluster.Client.StartFlowRunAsync(CrashRetryFlow.Name);
        TaskRunState? retrying = null;
        await Poll.UntilAsync(
            async () =>
            {
                retrying = (await cluster.Client.GetFlowRunAsync(runId)).Tasks.Single().Status == TaskRunStatus.Retrying
                    ? (await cluster.Client.GetFlowRunAsync(runId)).Tasks.Single()
                    : null;
                return retrying?.NextRetryAt is not null;
            },
            Patience,
            "the first attempt to fail and the retry to be planned");
        var due = retrying!.NextRetryAt!.Value;
        var victim = await cluster.SiloHostingAsync(Grain<ITaskRunGrain>(TaskRunKey.Of(runId, CrashRetryFlow.TaskName)));
        var killedAt = DateTimeOffset.UtcNow;
        await victim.KillAsync();
        // Nobody asks the cluster about the run meanwhile (a client's question would reactivate the task itself).
        await Poll.UntilAsync(() => StartsOf(runId).Any(start => start.Attempt == 2), Patience, "the retry to start");
        var final = await cluster.Client.WaitForFlowRunAsync(runId, Patience);

        var retry = StartsOf(runId).Single(start => start.Attempt == 2);
        var late = retry.At - due;
        output.WriteLine(
            $"Killed {victim.Name} (pid {victim.Pid}), host of the retrying task, {(due - killedAt).TotalSeconds:F2} s before its retry was due; " +
            $"the retry started {late.TotalSeconds:F2} s after its due time (pid {retry.Pid}).");
        Assert.True(final.Flow.Status == FlowRunStatus.Success, $"{final.Flow.Status}: {final.Flow.Message}\n{cluster.Outputs()}");
        Assert.True(killedAt < due, "The silo was killed after the retry was due: the test did not test a kill during the delay.");
        Assert.Equal([1, 2], StartsOf(runId).Select(start => start.Attempt).Order());
        Assert.Equal(2, (await cluster.Client.ReadTaskResultAsync<int>(runId, CrashRetryFlow.TaskName)).Value);
        Assert.True(late < RecoveryTarget, $"The retry started {late.TotalSeconds:F2} s after its due time; the target is {RecoveryTarget.TotalSeconds} s.\n{cluster.Outputs()}");
    }

    private List<Execution> StartsOf(string runId) =>
        cluster.Executions.Where(execution => execution.FlowRunId == runId && execution.Event == "start").ToList();

    private TGrain Grain<TGrain>(string key)
        where TGrain : IGrainWithStringKey =>
        cluster.Services.GetRequiredService<IClusterClient>().GetGrain<TGrain>(key);
}
