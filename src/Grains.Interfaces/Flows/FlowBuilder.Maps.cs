// Written by eng/generate-map-overloads.py: change the script and run it again, not this file.
namespace Tributary.Flows;

/// <summary>The typed map overloads.</summary>
public sealed partial class FlowBuilder
{
    /// <summary>Declares a map over an array: its code takes one element and returns its output, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, TOut> function, Node<TIn[]> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.None, a => Done(function((TIn)a[0]!)), list);

    /// <summary>Declares a map over an array: its code takes one element and the attempt's token and returns its output, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, CancellationToken, TOut> function, Node<TIn[]> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.Token, a => Done(function((TIn)a[0]!, (CancellationToken)a[1]!)), list);

    /// <summary>Declares a map over an array: its code takes one element and the attempt's context and returns its output, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, TaskRunContext, TOut> function, Node<TIn[]> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.Context, a => Done(function((TIn)a[0]!, (TaskRunContext)a[1]!)), list);

    /// <summary>Declares a map over an array: its code takes one element and the attempt's context and token and returns its output, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, TaskRunContext, CancellationToken, TOut> function, Node<TIn[]> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.Context | TaskExtras.Token, a => Done(function((TIn)a[0]!, (TaskRunContext)a[1]!, (CancellationToken)a[2]!)), list);

    /// <summary>Declares a map over an array: its code takes one element and returns its output as a task, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, Task<TOut>> function, Node<TIn[]> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.None, a => Boxed(function((TIn)a[0]!)), list);

    /// <summary>Declares a map over an array: its code takes one element and the attempt's token and returns its output as a task, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, CancellationToken, Task<TOut>> function, Node<TIn[]> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.Token, a => Boxed(function((TIn)a[0]!, (CancellationToken)a[1]!)), list);

    /// <summary>Declares a map over an array: its code takes one element and the attempt's context and returns its output as a task, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, TaskRunContext, Task<TOut>> function, Node<TIn[]> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.Context, a => Boxed(function((TIn)a[0]!, (TaskRunContext)a[1]!)), list);

    /// <summary>Declares a map over an array: its code takes one element and the attempt's context and token and returns its output as a task, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, TaskRunContext, CancellationToken, Task<TOut>> function, Node<TIn[]> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.Context | TaskExtras.Token, a => Boxed(function((TIn)a[0]!, (TaskRunContext)a[1]!, (CancellationToken)a[2]!)), list);

    /// <summary>Declares a map over a <see cref="List{T}"/>: its code takes one element and returns its output, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, TOut> function, Node<List<TIn>> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.None, a => Done(function((TIn)a[0]!)), list);

    /// <summary>Declares a map over a <see cref="List{T}"/>: its code takes one element and the attempt's token and returns its output, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, CancellationToken, TOut> function, Node<List<TIn>> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.Token, a => Done(function((TIn)a[0]!, (CancellationToken)a[1]!)), list);

    /// <summary>Declares a map over a <see cref="List{T}"/>: its code takes one element and the attempt's context and returns its output, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, TaskRunContext, TOut> function, Node<List<TIn>> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.Context, a => Done(function((TIn)a[0]!, (TaskRunContext)a[1]!)), list);

    /// <summary>Declares a map over a <see cref="List{T}"/>: its code takes one element and the attempt's context and token and returns its output, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, TaskRunContext, CancellationToken, TOut> function, Node<List<TIn>> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.Context | TaskExtras.Token, a => Done(function((TIn)a[0]!, (TaskRunContext)a[1]!, (CancellationToken)a[2]!)), list);

    /// <summary>Declares a map over a <see cref="List{T}"/>: its code takes one element and returns its output as a task, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, Task<TOut>> function, Node<List<TIn>> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.None, a => Boxed(function((TIn)a[0]!)), list);

    /// <summary>Declares a map over a <see cref="List{T}"/>: its code takes one element and the attempt's token and returns its output as a task, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, CancellationToken, Task<TOut>> function, Node<List<TIn>> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.Token, a => Boxed(function((TIn)a[0]!, (CancellationToken)a[1]!)), list);

    /// <summary>Declares a map over a <see cref="List{T}"/>: its code takes one element and the attempt's context and returns its output as a task, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, TaskRunContext, Task<TOut>> function, Node<List<TIn>> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.Context, a => Boxed(function((TIn)a[0]!, (TaskRunContext)a[1]!)), list);

    /// <summary>Declares a map over a <see cref="List{T}"/>: its code takes one element and the attempt's context and token and returns its output as a task, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, TaskRunContext, CancellationToken, Task<TOut>> function, Node<List<TIn>> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.Context | TaskExtras.Token, a => Boxed(function((TIn)a[0]!, (TaskRunContext)a[1]!, (CancellationToken)a[2]!)), list);

    /// <summary>Declares a map over an <see cref="IReadOnlyList{T}"/> (a map's output among them): its code takes one element and returns its output, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, TOut> function, Node<IReadOnlyList<TIn>> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.None, a => Done(function((TIn)a[0]!)), list);

    /// <summary>Declares a map over an <see cref="IReadOnlyList{T}"/> (a map's output among them): its code takes one element and the attempt's token and returns its output, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, CancellationToken, TOut> function, Node<IReadOnlyList<TIn>> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.Token, a => Done(function((TIn)a[0]!, (CancellationToken)a[1]!)), list);

    /// <summary>Declares a map over an <see cref="IReadOnlyList{T}"/> (a map's output among them): its code takes one element and the attempt's context and returns its output, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, TaskRunContext, TOut> function, Node<IReadOnlyList<TIn>> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.Context, a => Done(function((TIn)a[0]!, (TaskRunContext)a[1]!)), list);

    /// <summary>Declares a map over an <see cref="IReadOnlyList{T}"/> (a map's output among them): its code takes one element and the attempt's context and token and returns its output, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, TaskRunContext, CancellationToken, TOut> function, Node<IReadOnlyList<TIn>> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.Context | TaskExtras.Token, a => Done(function((TIn)a[0]!, (TaskRunContext)a[1]!, (CancellationToken)a[2]!)), list);

    /// <summary>Declares a map over an <see cref="IReadOnlyList{T}"/> (a map's output among them): its code takes one element and returns its output as a task, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, Task<TOut>> function, Node<IReadOnlyList<TIn>> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.None, a => Boxed(function((TIn)a[0]!)), list);

    /// <summary>Declares a map over an <see cref="IReadOnlyList{T}"/> (a map's output among them): its code takes one element and the attempt's token and returns its output as a task, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, CancellationToken, Task<TOut>> function, Node<IReadOnlyList<TIn>> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.Token, a => Boxed(function((TIn)a[0]!, (CancellationToken)a[1]!)), list);

    /// <summary>Declares a map over an <see cref="IReadOnlyList{T}"/> (a map's output among them): its code takes one element and the attempt's context and returns its output as a task, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, TaskRunContext, Task<TOut>> function, Node<IReadOnlyList<TIn>> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.Context, a => Boxed(function((TIn)a[0]!, (TaskRunContext)a[1]!)), list);

    /// <summary>Declares a map over an <see cref="IReadOnlyList{T}"/> (a map's output among them): its code takes one element and the attempt's context and token and returns its output as a task, once per element.</summary>
    /// <typeparam name="TIn">The list's element type.</typeparam>
    /// <typeparam name="TOut">One child's output type.</typeparam>
    /// <param name="name">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>
    /// <param name="function">The code, run once per element.</param>
    /// <param name="list">A task, a map or a parameter of this flow whose value is the list.</param>
    /// <param name="options">Every child's options (trigger: the map's own, against its list's task); <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The map, whose value is the list of the children's outputs.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>
    public MappedNode<TOut> Map<TIn, TOut>(
        string name, Func<TIn, TaskRunContext, CancellationToken, Task<TOut>> function, Node<IReadOnlyList<TIn>> list, TaskOptions? options = null) =>
        AddMap<TIn, TOut>(name, function, options, TaskExtras.Context | TaskExtras.Token, a => Boxed(function((TIn)a[0]!, (TaskRunContext)a[1]!, (CancellationToken)a[2]!)), list);
}
