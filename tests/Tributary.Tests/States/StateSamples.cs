using System.Collections.Immutable;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.States;

namespace Tributary.Tests.States;

/// <summary>Persisted states with every member set to a value other than its default, collections not empty.</summary>
public static class StateSamples
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 12, 0, 0, TimeSpan.FromHours(1));

    /// <summary>A task run with every member set.</summary>
    public static TaskRunState TaskRun() => new()
    {
        FlowRunId = "run-1",
        FlowName = "orders",
        TaskName = "total",
        Status = TaskRunStatus.Retrying,
        Attempt = 3,
        StartedAt = At,
        FinishedAt = At.AddSeconds(9),
        Message = "attempt 3 failed: boom",
        Output = new SafeResult("\"https://account.blob.core.windows.net/results/run-1/total.json\"", ResultHandlers.AzureBlob("results"), "System.Decimal"),
        CachedInputs = ImmutableDictionary<string, SafeResult>.Empty
            .Add("order", new SafeResult("\"/results/order.json\"", ResultHandlers.Local("/results"), "Tributary.Tests.Order, Tributary.Tests"))
            .Add("rate", new SafeResult("{\"value\":1.5}", ResultHandlers.Json)),
        NextRetryAt = At.AddSeconds(12),
        ResultHandler = ResultHandlers.AzureBlob("results"),
        LostAttempts = 1,
        OwnedCachedInputs = ["order"],
        InterruptedAttempts = 2,
        UncachedInputs = ["note", "limit"],
        PendingOutput = new ResultKey("orders", "run-1", "total", 3, "0123456789ab", new DateOnly(2026, 12, 1)),
        Origin = new TaskRunOrigin { FlowVersion = "0123456789abcdef", Resumes = 1, AttemptsBeforeResume = 2 },
        MapCount = 4,
        CachedInputsSpill = new SpillReference(2, 3), // a stored record's only; set here so equality is seen to cover it
    };

    /// <summary>A flow run with every member set.</summary>
    public static FlowRunState FlowRun() => new()
    {
        FlowRunId = "run-1",
        FlowName = "orders",
        Status = FlowRunStatus.Failed,
        Parameters = ImmutableDictionary<string, string>.Empty.Add("n", "21").Add("customer", "{\"id\":7}"),
        StartedAt = At,
        FinishedAt = At.AddMinutes(1),
        Message = "Tasks that did not succeed: total.",
        TaskStatuses = ImmutableDictionary<string, TaskRunStatus>.Empty
            .Add("order", TaskRunStatus.Success)
            .Add("total", TaskRunStatus.Failed)
            .Add("mail", TaskRunStatus.UpstreamFailed),
        FlowVersion = "0123456789abcdef",
        Resumes = 2,
        RefreshCache = true,
        CancelRequestedAt = At.AddSeconds(30),
        CancelReason = "operator asked",
        TaskStatusesSpill = new SpillReference(1, 2), // a stored record's only; set here so equality is seen to cover it
    };
}
