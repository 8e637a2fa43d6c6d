namespace Tributary.Flows;

/// <summary>
/// A task written as a class that takes one input: the engine creates an instance for each attempt from the silo's
/// services, so its constructor can take any of them (an <c>HttpClient</c>, an <c>ILogger&lt;T&gt;</c>, a
/// <c>DbContext</c>). Add it to a flow with <see cref="FlowBuilder.Task{TTask, TIn, TOut}(string, Node{TIn}, TaskOptions?)"/>;
/// a task that takes several inputs takes them as a tuple (<c>ITask&lt;(string Url, int Depth), Page&gt;</c>).
/// </summary>
/// <remarks>
/// <para>
/// Each attempt runs in its own dependency-injection scope, made from the silo's <see cref="IServiceProvider"/>:
/// scoped services (a <c>DbContext</c>) are new for each attempt and disposed, with the scope, when the attempt ends,
/// whether it succeeded, failed or timed out; so is the task instance itself if it is <see cref="IDisposable"/> or
/// <see cref="IAsyncDisposable"/>. The class need not be registered (it is then created with <c>ActivatorUtilities</c>,
/// and its constructor's parameters must be registered or have defaults); a registered class, such as a typed client
/// from <c>AddHttpClient&lt;TTask&gt;()</c>, comes from its registration. A class the services cannot create (a service not registered, no public constructor) fails the task at
/// once, without retries, with a message naming the class and the missing service.
/// </para>
/// <para>
/// The class's <c>RunAsync</c> is the task's code for <see cref="FlowDefinition.Version"/> (its IL, as for a lambda),
/// and the class's name and constructors are part of the version too.
/// </para>
/// </remarks>
/// <typeparam name="TIn">The input's type: a node's value, or a tuple of several nodes' values.</typeparam>
/// <typeparam name="TOut">The output's type.</typeparam>
public interface ITask<in TIn, TOut>
{
    /// <summary>Runs one attempt.</summary>
    /// <param name="input">The input, read from the upstream node (each attempt gets its own copy).</param>
    /// <param name="context">The flow run, the task and the attempt's number.</param>
    /// <param name="cancellationToken">
    /// Cancelled when the task's <see cref="TaskOptions.Timeout"/> passes and when its silo hands the attempt over.
    /// </param>
    /// <returns>The task's output.</returns>
    Task<TOut> RunAsync(TIn input, TaskRunContext context, CancellationToken cancellationToken);
}
