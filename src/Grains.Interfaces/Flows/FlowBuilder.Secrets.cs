using Tributary.Handlers;

namespace Tributary.Flows;

/// <summary>Secret tasks: a secret's value, read from the silo's configuration when the task runs.</summary>
public sealed partial class FlowBuilder
{
    /// <summary>
    /// Declares a secret task named <paramref name="name"/>: at run time it reads the secret <paramref name="name"/> from
    /// the silo's configuration (<c>Tributary:Secrets:&lt;name&gt;</c>, see <see cref="SecretResultHandler"/>), and other
    /// tasks take its value as an input like any task's output.
    /// </summary>
    /// <remarks>
    /// <para>Its output is always stored through the <c>secret</c> handler of that name, whatever the flow's or the
    /// global handler: the task-level handler is the top of the hierarchy, and this one cannot be replaced. So wherever
    /// the output is written (its checkpoint, the inputs a retrying downstream task caches, a cache entry), the
    /// orchestration store, snapshots, the CLI and the dashboard hold the secret's name only; every read fetches the
    /// secret's current value, so a rotated secret is read as its new value.</para>
    /// <para>A secret the silo's configuration lacks fails the task with a <see cref="SecretNotFoundException"/> naming
    /// the secret and the configuration key (never a value).</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// var password = flow.Secret("db-password");   // Tributary:Secrets:db-password, or Tributary__Secrets__db-password
    /// flow.Task("connect", (string password) => Connect(password), password);
    /// </code>
    /// </example>
    /// <param name="name">The secret's name, also the task's: no ':' or '/', no leading or trailing spaces, unique in the flow.</param>
    /// <param name="options">Retries, checkpointing, timeout, trigger; <see cref="TaskOptions.ResultHandler"/> must be
    /// unset (or the secret's own descriptor).</param>
    /// <returns>The task, whose output other tasks can take.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or <paramref name="options"/> sets another handler.</exception>
    public TaskNode<string> Secret(string name, TaskOptions? options = null)
    {
        SecretResultHandler.CheckName(name, nameof(name));
        var secretOptions = SecretTask.OptionsFor(name, options ?? TaskOptions.Default);
        return Task<SecretTask, string>(name, secretOptions);
    }
}
