namespace Tributary.Runs;

/// <summary>A retry found an input neither cached for it nor in memory: the task fails, naming it, instead of running without it.</summary>
internal sealed class RetryInputMissingException(string message) : Exception(message);
