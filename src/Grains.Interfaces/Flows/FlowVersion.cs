using Tributary.Handlers;

namespace Tributary.Flows;

/// <summary>Computes <see cref="FlowDefinition.Version"/>.</summary>
internal static class FlowVersion
{
    /// <summary>The version of a checked flow: a hash of its canonical text (see <see cref="FlowDefinition.Version"/>).</summary>
    public static string Of(
        string name,
        ResultHandlerDescriptor? handler,
        IReadOnlyDictionary<string, ParameterNode> parameters,
        IReadOnlyDictionary<string, TaskNode> tasks)
    {
        var text = new VersionText();
        text.Add("flow", name);
        AddHandler(text, handler);

        // By name: the order parameters and tasks were declared in changes nothing a run does.
        foreach (var parameter in parameters.Values.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Add("parameter", parameter.Name);
            text.Add("type", parameter.OutputType.ToString());
            text.Add("required", parameter.Required);
            text.Add("default", parameter.DefaultJson);
        }

        foreach (var task in tasks.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            text.Add("task", task.Name);
            foreach (var input in task.Function.Inputs)
            {
                text.Add("input", input.Name);
                text.Add("type", input.Type.ToString());
            }

            text.Add("output", task.Function.OutputType.ToString());
            foreach (var (input, source) in task.Edges.OrderBy(edge => edge.Key, StringComparer.Ordinal))
            {
                text.Add("edge", input);
                text.Add("from", source);
            }

            // Only typed tasks have constants: flows without them keep the versions they had before constants existed.
            foreach (var (input, json) in task.Function.Constants)
            {
                text.Add("constant", input);
                text.Add("value", json);
            }

            var options = task.Options;
            text.Add("max-retries", options.MaxRetries);
            text.Add("retry-delay", options.RetryDelay.Ticks);
            text.Add("checkpoint", options.Checkpoint);
            text.Add("timeout", options.Timeout?.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
            AddHandler(text, options.ResultHandler);
            AddTriggerAndRetry(text, options);
            AddTaskClass(text, task.Function.TaskClass);
            TaskCodeIdentity.Write(text, task.Function.Method);
        }

        return text.Hash();
    }

    // Written only when set: a flow that uses neither keeps the version it had before triggers and policies existed, so
    // runs in flight across the upgrade find their version.
    private static void AddTriggerAndRetry(VersionText text, TaskOptions options)
    {
        if (options.Trigger != TaskTrigger.AllSuccessful)
        {
            text.Add("trigger", options.Trigger.ToString());
        }

        if (options.Retry is not { } retry)
        {
            return;
        }

        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        text.Add("retry-attempts", retry.MaximumAttempts);
        text.Add("retry-first-delay", retry.FirstDelay.Ticks);
        text.Add("retry-coefficient", retry.BackoffCoefficient.ToString("R", invariant));
        text.Add("retry-maximum-delay", retry.MaximumDelay.Ticks);
        text.Add("retry-jitter", retry.Jitter.ToString("R", invariant));
        foreach (var type in retry.NonRetryableExceptionTypes.Select(t => t.FullName ?? t.Name).Order(StringComparer.Ordinal))
        {
            text.Add("retry-not", type);
        }
    }

    // A task written as a class: its name and the services its constructors take (which decide what each attempt is
    // given); its RunAsync is the task's method, identified like a lambda.
    private static void AddTaskClass(VersionText text, Type? taskClass)
    {
        if (taskClass is null)
        {
            return;
        }

        text.Add("class", taskClass.ToString());
        foreach (var constructor in taskClass.GetConstructors().Select(c => c.ToString()!).Order(StringComparer.Ordinal))
        {
            text.Add("constructor", constructor);
        }
    }

    private static void AddHandler(VersionText text, ResultHandlerDescriptor? handler)
    {
        text.Add("handler", handler?.Kind);
        if (handler is null)
        {
            return;
        }

        foreach (var (key, value) in handler.Settings)
        {
            text.Add("setting", key);
            text.Add("value", value);
        }
    }
}
