using System.Text.Json.Nodes;
using Tributary.Handlers;

namespace Tributary.Flows;

/// <summary>
/// The code of a secret task (<see cref="FlowBuilder.Secret"/>): reads the secret its task is named after through the
/// silo's secret handler, so the value comes from the silo's configuration at run time and never from the flow's
/// definition.
/// </summary>
/// <param name="handlers">The silo's handler catalog, where the <c>secret</c> kind is registered.</param>
internal sealed class SecretTask(IResultHandlerCatalog handlers) : ITask<string>
{
    /// <summary>
    /// A secret task's options: <paramref name="options"/> with the secret's own handler, which nothing may replace.
    /// </summary>
    /// <param name="name">The secret's (and the task's) name.</param>
    /// <param name="options">The options given; their handler must be unset or the secret's own.</param>
    /// <exception cref="ArgumentException">The options set another handler.</exception>
    public static TaskOptions OptionsFor(string name, TaskOptions options)
    {
        var handler = SecretResultHandler.Describe(name);
        if (options.ResultHandler is { } other && !other.Equals(handler))
        {
            throw new ArgumentException(
                $"Secret task '{name}': its output is always stored through {handler} (as the secret's name only); leave TaskOptions.ResultHandler unset instead of {other}.",
                nameof(options));
        }

        return options with { ResultHandler = handler };
    }

    /// <inheritdoc />
    public async Task<string> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var handler = handlers.GetHandler(SecretResultHandler.Describe(context.TaskName));
        var value = await handler.ReadAsync(JsonValue.Create(context.TaskName), typeof(string), cancellationToken).ConfigureAwait(false);
        return (string)value!;
    }
}
