namespace Tributary.Flows;

/// <summary>
/// How a typed task's arguments come from the engine's inputs. The engine sees ordinary named inputs with edges (one per
/// parameter or task argument, one per gathered element, one per <c>After</c> dependency); this turns the values it
/// fetched into the delegate's arguments: gathered elements into their list, constants read from their JSON,
/// dependencies dropped, then the context and the token.
/// </summary>
internal sealed class TypedBinding(TaskExtras extras, Func<object?[], Task<object?>> invoke)
{
    private readonly List<TaskInput> _inputs = [];
    private readonly List<string> _sources = [];
    private readonly List<KeyValuePair<string, string>> _constants = [];
    private readonly List<Func<IReadOnlyList<object?>, object?>> _arguments = [];

    /// <summary>
    /// A task written as a class: created for each attempt from the silo's services and given the arguments (the
    /// binding's delegate is then not called); <see langword="null"/> for a delegate.
    /// </summary>
    public TaskClass? Class { get; init; }

    /// <summary>The engine inputs, in the order the engine passes their values.</summary>
    public IReadOnlyList<TaskInput> Inputs => _inputs;

    /// <summary>For each engine input (same order), the parameter or task it takes from.</summary>
    public IReadOnlyList<string> Sources => _sources;

    /// <summary>The constant arguments (name, JSON), for the flow's version.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Constants => _constants;

    /// <summary>Adds an engine input fed by <paramref name="source"/>; returns its index.</summary>
    public int AddInput(string name, Type type, string source)
    {
        _inputs.Add(new TaskInput(name, type));
        _sources.Add(source);
        return _inputs.Count - 1;
    }

    /// <summary>
    /// Declares the engine inputs from index <paramref name="first"/> on as nullable when their type is a value type, so
    /// that an upstream without an output gives <see langword="null"/> rather than the value type's default.
    /// </summary>
    public void WidenToNullable(int first)
    {
        for (var i = first; i < _inputs.Count; i++)
        {
            var type = _inputs[i].Type;
            if (type.IsValueType && Nullable.GetUnderlyingType(type) is null)
            {
                _inputs[i] = _inputs[i] with { Type = typeof(Nullable<>).MakeGenericType(type) };
            }
        }
    }

    /// <summary>Records a constant argument.</summary>
    public void AddConstant(string name, string json) => _constants.Add(new(name, json));

    /// <summary>Adds the delegate's next argument, read from <paramref name="node"/>.</summary>
    public void AddArgument(Node node, string name) => _arguments.Add(node.Bind(this, name));

    /// <summary>Calls the delegate (or runs the class) with the arguments made from one attempt's engine inputs.</summary>
    public Task<object?> InvokeAsync(IReadOnlyList<object?> inputs, TaskRunContext context, IServiceProvider? services, CancellationToken cancellationToken)
    {
        var hasContext = extras.HasFlag(TaskExtras.Context);
        var hasToken = extras.HasFlag(TaskExtras.Token);
        var arguments = new object?[_arguments.Count + (hasContext ? 1 : 0) + (hasToken ? 1 : 0)];
        for (var i = 0; i < _arguments.Count; i++)
        {
            arguments[i] = _arguments[i](inputs);
        }

        var next = _arguments.Count;
        if (hasContext)
        {
            arguments[next++] = context;
        }

        if (hasToken)
        {
            arguments[next] = cancellationToken;
        }

        return Class is null ? invoke(arguments) : Class.RunAsync(services, arguments);
    }
}
