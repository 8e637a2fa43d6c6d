using Tributary.Handlers;

namespace Tributary.Flows;

/// <summary>A checked, immutable flow: its parameters, its tasks in a topological order, and the edges between them.</summary>
public sealed partial class FlowDefinition
{
    private FlowDefinition(
        string name,
        ResultHandlerDescriptor? resultHandler,
        IReadOnlyDictionary<string, ParameterNode> parameters,
        IReadOnlyDictionary<string, TaskNode> tasks,
        Dictionary<string, List<string>> upstream,
        IReadOnlyList<string> order)
    {
        Name = name;
        ResultHandler = resultHandler;
        Parameters = parameters;
        Tasks = tasks;
        TaskOrder = order;
        Downstream = DownstreamInOrder(upstream, order);
        Upstream = upstream.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value.ToArray(), StringComparer.Ordinal);
        Version = FlowVersion.Of(name, resultHandler, parameters, tasks);
    }

    /// <summary>The flow's name.</summary>
    public string Name { get; }

    /// <summary>The flow-level result handler, if set.</summary>
    public ResultHandlerDescriptor? ResultHandler { get; }

    /// <summary>The parameters by name.</summary>
    public IReadOnlyDictionary<string, ParameterNode> Parameters { get; }

    /// <summary>The tasks by name.</summary>
    public IReadOnlyDictionary<string, TaskNode> Tasks { get; }

    /// <summary>Task names in a topological order (every task after the tasks it takes input from).</summary>
    public IReadOnlyList<string> TaskOrder { get; }

    /// <summary>For each task, the tasks that take its output.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Downstream { get; }

    /// <summary>For each task, the tasks whose output it takes (parameters excluded).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Upstream { get; }

    /// <summary>
    /// The flow's version: 16 lowercase hex digits, a hash (SHA-256, first 8 bytes) of everything that decides what a
    /// run of the flow does. A run records the version it started with and runs on it to its end, even after a silo
    /// registers a changed flow under the same name (the README's "Flow versions" says how to deploy a change).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Covered: the flow's name and result handler; each parameter's name, type, whether it is required and its default
    /// (as JSON); each task's name, inputs (names and types), output type, edges, constants (as JSON), options
    /// (trigger, retries, retry delay, retry policy, checkpointing, result handler, timeout) and code. A task's code is identified by its delegate's method (declaring
    /// type, name, signature) and that method's IL body, with metadata tokens resolved to the names of the types,
    /// methods, fields and strings they refer to, followed into the code the compiler generated for it (the state
    /// machine of an async lambda, nested lambdas, local functions). A task written as a class
    /// (<see cref="ITask{TIn, TOut}"/>) is identified by the class's name, its public constructors' signatures and its
    /// <c>RunAsync</c>, read as a lambda is. Changing any of these gives a new version.
    /// </para>
    /// <para>
    /// Not covered: the bodies of other methods a task calls (only their names and signatures), values a lambda captures
    /// from its surroundings, and configuration read at run time. Declaration order does not count: parameters, tasks and
    /// edges are taken by name. The same definition built again, in this process or another with the same code, has the
    /// same version; assembly names and versions are left out, so a rebuilt assembly with unchanged flows keeps its
    /// versions, and an old release's assembly loaded under another name gives its flows their old versions. Moving a
    /// task's code to another type, or adding a lambda before it in the same method (the compiler names lambdas by
    /// position), gives a new version although the code is the same.
    /// </para>
    /// </remarks>
    public string Version { get; }

    internal static void CheckName(string name, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, paramName);
        if (name.Contains('/') || name.Trim() != name)
        {
            throw new ArgumentException($"'{name}' is not a valid name: no '/' and no leading or trailing spaces.", paramName);
        }
    }

    internal static FlowDefinition Create(string name, ResultHandlerDescriptor? handler, IReadOnlyList<FlowNode> nodes)
    {
        var parameters = nodes.OfType<ParameterNode>().ToDictionary(p => p.Name, StringComparer.Ordinal);
        var tasks = nodes.OfType<TaskNode>().ToDictionary(t => t.Name, StringComparer.Ordinal);
        var problems = new List<string>();
        if (tasks.Count == 0)
        {
            problems.Add("it has no tasks");
        }

        foreach (var task in tasks.Values)
        {
            CheckEdges(task, parameters, tasks, problems);
            CheckTrigger(task, tasks, problems);
            CheckMapChildName(task, tasks, problems);
            Caching.CacheDefinitionCheck.Check(task, parameters, problems);
        }

        var upstream = UpstreamTasks(tasks);
        var order = TopologicalOrder(upstream, problems);
        if (problems.Count > 0)
        {
            throw new FlowValidationException(name, problems);
        }

        // A checked flow must stay as checked: its tasks take no more inputs or options.
        foreach (var task in tasks.Values)
        {
            task.Freeze();
        }

        return new FlowDefinition(name, handler, parameters, tasks, upstream, order);
    }

    private static void CheckEdges(
        TaskNode task,
        Dictionary<string, ParameterNode> parameters,
        Dictionary<string, TaskNode> tasks,
        List<string> problems)
    {
        var inputs = task.Function.Inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        foreach (var (input, source) in task.Edges)
        {
            if (!inputs.TryGetValue(input, out var declared))
            {
                var known = inputs.Count == 0 ? "it takes no inputs" : $"its inputs: {string.Join(", ", inputs.Keys)}";
                problems.Add($"task '{task.Name}' has no input '{input}' ({known})");
                continue;
            }

            FlowNode? sourceNode = tasks.TryGetValue(source, out var t) ? t : parameters.GetValueOrDefault(source);
            if (sourceNode is null)
            {
                problems.Add($"task '{task.Name}' input '{input}' takes from '{source}', which is neither a task nor a parameter of the flow");
            }
            else if (sourceNode.OutputType != typeof(object) && !declared.Type.IsAssignableFrom(sourceNode.OutputType))
            {
                problems.Add(
                    $"task '{task.Name}' input '{input}' is a {declared.Type.Name}, but '{source}' gives a {sourceNode.OutputType.Name}");
            }
        }

        foreach (var input in inputs.Keys.Where(i => !task.Edges.ContainsKey(i)))
        {
            problems.Add($"task '{task.Name}' input '{input}' is not connected (call WithInput(\"{input}\", ...))");
        }
    }

    private static void CheckTrigger(TaskNode task, Dictionary<string, TaskNode> tasks, List<string> problems)
    {
        // Only the default trigger and AllFinished mean something for a task with no upstream task.
        if (task.Options.Trigger is not (TaskTrigger.AllSuccessful or TaskTrigger.AllFinished)
            && !task.Edges.Values.Any(tasks.ContainsKey))
        {
            problems.Add($"task '{task.Name}' has trigger {task.Options.Trigger} but takes input from no task (a trigger looks at upstream tasks)");
        }
    }
}
