namespace Tributary.Storage;

/// <summary>A state write that failed was found not applied: it is retried (a transient fault by nature).</summary>
internal sealed class StateWriteNotAppliedException(Exception fault)
    : Exception($"The state write did not reach storage: {fault.Message}", fault);
