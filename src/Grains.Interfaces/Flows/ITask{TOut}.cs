namespace Tributary.Flows;

/// <summary>
/// A task written as a class that takes no input, created for each attempt from the silo's services (see
/// <see cref="ITask{TIn, TOut}"/> for scopes, disposal and failures). Add it to a flow with
/// <see cref="FlowBuilder.Task{TTask, TOut}(string, TaskOptions?)"/>.
/// </summary>
/// <typeparam name="TOut">The output's type.</typeparam>
public interface ITask<TOut>
{
    /// <summary>Runs one attempt.</summary>
    /// <param name="context">The flow run, the task and the attempt's number.</param>
    /// <param name="cancellationToken">
    /// Cancelled when the task's <see cref="TaskOptions.Timeout"/> passes and when its silo hands the attempt over.
    /// </param>
    /// <returns>The task's output.</returns>
    Task<TOut> RunAsync(TaskRunContext context, CancellationToken cancellationToken);
}
