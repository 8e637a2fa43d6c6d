using Tributary.Flows;

namespace Tributary.Caching;

/// <summary>The checks <see cref="FlowBuilder.Build"/> makes of a task's cache options.</summary>
internal static class CacheDefinitionCheck
{
    /// <summary>Adds a problem for each cache option set without <see cref="TaskOptions.CacheFor"/>, and for each validator name that names nothing.</summary>
    public static void Check(TaskNode task, IReadOnlyDictionary<string, ParameterNode> parameters, List<string> problems)
    {
        var options = task.Options;
        if (options.CacheFor is null)
        {
            foreach (var (name, set) in new[]
                     {
                         (nameof(TaskOptions.CacheValidator), options.CacheValidator is not null),
                         (nameof(TaskOptions.CacheKey), options.CacheKey is not null),
                         (nameof(TaskOptions.CacheVersion), options.CacheVersion is not null),
                     })
            {
                if (set)
                {
                    problems.Add($"task '{task.Name}' sets {name} but not CacheFor (caching is off without it)");
                }
            }

            return;
        }

        if (options.CacheValidator is not { } validator)
        {
            return;
        }

        var inputs = task.Function.Inputs.Select(input => input.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in validator.Inputs.Names.Where(name => !inputs.Contains(name)))
        {
            problems.Add($"task '{task.Name}' cache validator {validator} names input '{name}', which the task does not take");
        }

        foreach (var name in validator.Parameters.Names.Where(name => !parameters.ContainsKey(name)))
        {
            problems.Add($"task '{task.Name}' cache validator {validator} names parameter '{name}', which the flow does not declare");
        }
    }

    /// <summary>The cache key a task uses: its own, or "flow/task".</summary>
    public static string KeyOf(string flowName, TaskNode task) => task.Options.CacheKey ?? $"{flowName}/{task.Name}";
}
