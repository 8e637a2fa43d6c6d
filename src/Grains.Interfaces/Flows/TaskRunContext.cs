namespace Tributary.Flows;

/// <summary>
/// Facts about the running attempt, given to a task delegate that declares a parameter of this type
/// (like a <see cref="CancellationToken"/>, it is not an input).
/// </summary>
/// <remarks>
/// To end the task from its code other than by returning or failing, throw: <see cref="TaskSkippedException"/> skips it,
/// <see cref="NonRetryableTaskException"/> fails it without retries.
/// </remarks>
/// <param name="FlowRunId">The flow run.</param>
/// <param name="TaskName">The task.</param>
/// <param name="Attempt">The attempt, from 1.</param>
public sealed record TaskRunContext(string FlowRunId, string TaskName, int Attempt);
