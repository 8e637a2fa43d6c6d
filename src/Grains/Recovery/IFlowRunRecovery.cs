namespace Tributary.Recovery;

/// <summary>A flow run's side of the recovery from a silo's death (see <see cref="DeadSiloRecovery"/>); the run's own grain implements it.</summary>
internal interface IFlowRunRecovery : IGrainWithStringKey
{
    /// <summary>Activates the run: an activation of a running run rebuilds its view from its tasks and carries on.</summary>
    Task WakeAsync();

    /// <summary>A silo died: asks the run's started tasks for their state now rather than at the next progress check.</summary>
    Task CheckTasksNowAsync();
}
