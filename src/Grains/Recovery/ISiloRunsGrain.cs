namespace Tributary.Recovery;

/// <summary>
/// One silo's list of running flow runs, keyed by the silo's address (<see cref="SiloRunsKey"/>) and persisted: it
/// outlives its silo, so the silos left can wake the runs that lived there as soon as membership declares it dead.
/// </summary>
internal interface ISiloRunsGrain : IGrainWithStringKey
{
    /// <summary>Lists a run whose activation now lives on this silo.</summary>
    Task AddAsync(string flowRunId);

    /// <summary>Forgets a run that ended.</summary>
    Task RemoveAsync(string flowRunId);

    /// <summary>Wakes every run listed (the silo is dead), then forgets them all.</summary>
    /// <returns>How many runs were woken.</returns>
    Task<int> WakeAllAsync();
}
