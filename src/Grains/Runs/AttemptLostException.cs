namespace Tributary.Runs;

/// <summary>An attempt stopped without an outcome: the silo running it died (or the process was killed) mid-attempt.</summary>
/// <remarks>Only its message is used, in logs and task-run state.</remarks>
internal sealed class AttemptLostException(int attempt)
    : Exception($"The silo running attempt {attempt} stopped before the attempt finished.");
