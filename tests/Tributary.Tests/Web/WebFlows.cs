using System.Collections.Concurrent;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.Hosting;
using Tributary.Tests.Runs;

namespace Tributary.Tests.Web;

/// <summary>The flows the web tests run.</summary>
public static class WebFlows
{
    /// <summary>A flow whose <c>secret</c> task returns its run's canary, checkpointed through the local handler; a map follows.</summary>
    public const string Canary = "web-canary";

    /// <summary>
    /// A flow whose <c>first</c> task waits on the gate <c>first</c> of its run, then returns its run's canary
    /// (checkpointed); then <c>second</c> runs.
    /// </summary>
    public const string Live = "web-live";

    /// <summary>The canary of each run of <see cref="Canary"/> and <see cref="Live"/>.</summary>
    public static ConcurrentDictionary<string, string> Canaries { get; } = new();

    /// <summary>Registers the flows, the checkpoints going to <paramref name="results"/>.</summary>
    public static void Register(TributaryBuilder tributary, string results)
    {
        var local = ResultHandlers.Local(results);
        var canary = new FlowBuilder(Canary);
        var label = canary.Parameter<string>("label");
        var secret = canary.Task(
            "secret",
            (string label, TaskRunContext context) => $"{label}:{Canaries[context.FlowRunId]}",
            label,
            new TaskOptions { ResultHandler = local, Checkpoint = true });
        var words = canary.Task(
            "words",
            (string secret) => secret.Split(':'),
            secret,
            new TaskOptions { ResultHandler = local, Checkpoint = true });
        canary.Map("lengths", (string word) => word.Length, words, new TaskOptions { ResultHandler = local, Checkpoint = true });
        tributary.AddFlow(canary.Build());

        var live = new FlowBuilder(Live);
        var first = live.Task(
            "first",
            async (TaskRunContext context) =>
            {
                await TaskProbes.Gate(context.FlowRunId, "first").Task;
                return Canaries.GetValueOrDefault(context.FlowRunId, "no canary");
            },
            new TaskOptions { ResultHandler = local, Checkpoint = true });
        live.Task("second", (string first) => first.Length, first, new TaskOptions { ResultHandler = local, Checkpoint = true });
        tributary.AddFlow(live.Build());
    }
}
