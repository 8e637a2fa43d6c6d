namespace Tributary.Flows;

/// <summary>
/// Thrown by a task's code to fail the task at once: the task ends <see cref="States.TaskRunStatus.Failed"/> whatever
/// retries its <see cref="RetryPolicy"/> has left (they are not used). For failures that another attempt cannot fix:
/// invalid input, a refused request. Listing an exception type in <see cref="RetryPolicy.NonRetryableExceptionTypes"/>
/// does the same for exceptions the task's code does not own.
/// </summary>
/// <remarks>The task's code is the only place to throw it; it never crosses a grain call.</remarks>
public sealed class NonRetryableTaskException : Exception
{
    /// <summary>Fails the task without retrying, with a default message.</summary>
    public NonRetryableTaskException()
        : base("The task failed and asked not to be retried.")
    {
    }

    /// <summary>Fails the task without retrying.</summary>
    /// <param name="message">Why, for the task's message.</param>
    public NonRetryableTaskException(string message)
        : base(message)
    {
    }

    /// <summary>Fails the task without retrying.</summary>
    /// <param name="message">Why, for the task's message.</param>
    /// <param name="innerException">The failure.</param>
    public NonRetryableTaskException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
