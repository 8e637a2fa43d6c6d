using Tributary.Flows;
using Tributary.Tests.Runs;
using Tributary.Tests.States;

namespace Tributary.Tests.Infrastructure;

public sealed partial class TributaryClusterFixture
{
    // Every flow the engine tests run; each test class defines its own beside its tests.
    private static IReadOnlyList<FlowDefinition> DefineFlows(Locations storage) =>
    [
        .. DataPassingTests.DefineFlows(),
        .. CheckpointHandlerTests.DefineFlows(storage),
        .. RetryTests.DefineFlows(storage),
        .. SiloRestartTests.DefineFlows(storage),
        .. LostOutputTests.DefineFlows(storage),
        .. FailureTests.DefineFlows(),
        .. StartValidationTests.DefineFlows(),
        .. CanaryTests.DefineFlows(storage),
        .. SecretCanaryTests.DefineFlows(storage),
        .. UserHandlerTests.DefineFlows(),
        .. LostAttemptTests.DefineFlows(),
        .. OutputLifetimeTests.DefineFlows(),
        .. ShutdownDrainTests.DefineFlows(),
        .. StorageFaultTests.DefineFlows(),
        .. CheckpointAdoptionTests.DefineFlows(storage),
        .. RunIdTests.DefineFlows(),
        .. ResumeTests.DefineFlows(storage),
        .. TypedFlowTests.DefineFlows(),
        .. TriggerTests.DefineFlows(),
        .. SkipTests.DefineFlows(),
        .. RetryPolicyRunTests.DefineFlows(),
        .. ServiceTaskTests.DefineFlows(),
        .. MapTests.DefineFlows(storage),
        .. OutputCancellationTests.DefineFlows(),
        .. Caching.CacheRunTests.DefineFlows(storage),
        .. CancelTests.DefineFlows(),
        .. SnapshotRowsTests.DefineFlows(storage),
        .. ProgressWaitTests.DefineFlows(),
        .. Index.RunIndexTests.DefineFlows(),
        .. WideRetryTests.DefineFlows(storage),
        .. Retention.RetentionTests.DefineFlows(storage),
    ];
}
