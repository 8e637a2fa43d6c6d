// Written by eng/generate-typed-tasks.py: change the script and run it again, not this file.
namespace Tributary.Flows;

/// <summary>The typed task overloads whose code returns a task without a value.</summary>
public sealed partial class FlowBuilder
{
    /// <summary>Declares a task whose code takes 0 inputs and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task(
        string name, Func<Task> function, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.None, a => Awaited(function()));

    /// <summary>Declares a task whose code takes 0 inputs and the attempt's token and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task(
        string name, Func<CancellationToken, Task> function, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Token, a => Awaited(function((CancellationToken)a[0]!)));

    /// <summary>Declares a task whose code takes 0 inputs and the attempt's context and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task(
        string name, Func<TaskRunContext, Task> function, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context, a => Awaited(function((TaskRunContext)a[0]!)));

    /// <summary>Declares a task whose code takes 0 inputs and the attempt's context and token and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task(
        string name, Func<TaskRunContext, CancellationToken, Task> function, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context | TaskExtras.Token, a => Awaited(function((TaskRunContext)a[0]!, (CancellationToken)a[1]!)));

    /// <summary>Declares a task whose code takes 1 input and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1>(
        string name, Func<T1, Task> function, Node<T1> input1, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.None, a => Awaited(function((T1)a[0]!)), input1);

    /// <summary>Declares a task whose code takes 1 input and the attempt's token and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1>(
        string name, Func<T1, CancellationToken, Task> function, Node<T1> input1, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Token, a => Awaited(function((T1)a[0]!, (CancellationToken)a[1]!)), input1);

    /// <summary>Declares a task whose code takes 1 input and the attempt's context and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1>(
        string name, Func<T1, TaskRunContext, Task> function, Node<T1> input1, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context, a => Awaited(function((T1)a[0]!, (TaskRunContext)a[1]!)), input1);

    /// <summary>Declares a task whose code takes 1 input and the attempt's context and token and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1>(
        string name, Func<T1, TaskRunContext, CancellationToken, Task> function, Node<T1> input1, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context | TaskExtras.Token, a => Awaited(function((T1)a[0]!, (TaskRunContext)a[1]!, (CancellationToken)a[2]!)), input1);

    /// <summary>Declares a task whose code takes 2 inputs and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2>(
        string name, Func<T1, T2, Task> function, Node<T1> input1, Node<T2> input2, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.None, a => Awaited(function((T1)a[0]!, (T2)a[1]!)), input1, input2);

    /// <summary>Declares a task whose code takes 2 inputs and the attempt's token and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2>(
        string name, Func<T1, T2, CancellationToken, Task> function, Node<T1> input1, Node<T2> input2, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Token, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (CancellationToken)a[2]!)), input1, input2);

    /// <summary>Declares a task whose code takes 2 inputs and the attempt's context and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2>(
        string name, Func<T1, T2, TaskRunContext, Task> function, Node<T1> input1, Node<T2> input2, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (TaskRunContext)a[2]!)), input1, input2);

    /// <summary>Declares a task whose code takes 2 inputs and the attempt's context and token and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2>(
        string name, Func<T1, T2, TaskRunContext, CancellationToken, Task> function, Node<T1> input1, Node<T2> input2, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context | TaskExtras.Token, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (TaskRunContext)a[2]!, (CancellationToken)a[3]!)), input1, input2);

    /// <summary>Declares a task whose code takes 3 inputs and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3>(
        string name, Func<T1, T2, T3, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.None, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!)), input1, input2, input3);

    /// <summary>Declares a task whose code takes 3 inputs and the attempt's token and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3>(
        string name, Func<T1, T2, T3, CancellationToken, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Token, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (CancellationToken)a[3]!)), input1, input2, input3);

    /// <summary>Declares a task whose code takes 3 inputs and the attempt's context and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3>(
        string name, Func<T1, T2, T3, TaskRunContext, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (TaskRunContext)a[3]!)), input1, input2, input3);

    /// <summary>Declares a task whose code takes 3 inputs and the attempt's context and token and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3>(
        string name, Func<T1, T2, T3, TaskRunContext, CancellationToken, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context | TaskExtras.Token, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (TaskRunContext)a[3]!, (CancellationToken)a[4]!)), input1, input2, input3);

    /// <summary>Declares a task whose code takes 4 inputs and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4>(
        string name, Func<T1, T2, T3, T4, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.None, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!)), input1, input2, input3, input4);

    /// <summary>Declares a task whose code takes 4 inputs and the attempt's token and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4>(
        string name, Func<T1, T2, T3, T4, CancellationToken, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Token, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (CancellationToken)a[4]!)), input1, input2, input3, input4);

    /// <summary>Declares a task whose code takes 4 inputs and the attempt's context and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4>(
        string name, Func<T1, T2, T3, T4, TaskRunContext, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (TaskRunContext)a[4]!)), input1, input2, input3, input4);

    /// <summary>Declares a task whose code takes 4 inputs and the attempt's context and token and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4>(
        string name, Func<T1, T2, T3, T4, TaskRunContext, CancellationToken, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context | TaskExtras.Token, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (TaskRunContext)a[4]!, (CancellationToken)a[5]!)), input1, input2, input3, input4);

    /// <summary>Declares a task whose code takes 5 inputs and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5>(
        string name, Func<T1, T2, T3, T4, T5, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.None, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!)), input1, input2, input3, input4, input5);

    /// <summary>Declares a task whose code takes 5 inputs and the attempt's token and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5>(
        string name, Func<T1, T2, T3, T4, T5, CancellationToken, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Token, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (CancellationToken)a[5]!)), input1, input2, input3, input4, input5);

    /// <summary>Declares a task whose code takes 5 inputs and the attempt's context and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5>(
        string name, Func<T1, T2, T3, T4, T5, TaskRunContext, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (TaskRunContext)a[5]!)), input1, input2, input3, input4, input5);

    /// <summary>Declares a task whose code takes 5 inputs and the attempt's context and token and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5>(
        string name, Func<T1, T2, T3, T4, T5, TaskRunContext, CancellationToken, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context | TaskExtras.Token, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (TaskRunContext)a[5]!, (CancellationToken)a[6]!)), input1, input2, input3, input4, input5);

    /// <summary>Declares a task whose code takes 6 inputs and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6>(
        string name, Func<T1, T2, T3, T4, T5, T6, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.None, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!)), input1, input2, input3, input4, input5, input6);

    /// <summary>Declares a task whose code takes 6 inputs and the attempt's token and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6>(
        string name, Func<T1, T2, T3, T4, T5, T6, CancellationToken, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Token, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (CancellationToken)a[6]!)), input1, input2, input3, input4, input5, input6);

    /// <summary>Declares a task whose code takes 6 inputs and the attempt's context and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6>(
        string name, Func<T1, T2, T3, T4, T5, T6, TaskRunContext, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (TaskRunContext)a[6]!)), input1, input2, input3, input4, input5, input6);

    /// <summary>Declares a task whose code takes 6 inputs and the attempt's context and token and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6>(
        string name, Func<T1, T2, T3, T4, T5, T6, TaskRunContext, CancellationToken, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context | TaskExtras.Token, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (TaskRunContext)a[6]!, (CancellationToken)a[7]!)), input1, input2, input3, input4, input5, input6);

    /// <summary>Declares a task whose code takes 7 inputs and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6, T7>(
        string name, Func<T1, T2, T3, T4, T5, T6, T7, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, Node<T7> input7, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.None, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (T7)a[6]!)), input1, input2, input3, input4, input5, input6, input7);

    /// <summary>Declares a task whose code takes 7 inputs and the attempt's token and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6, T7>(
        string name, Func<T1, T2, T3, T4, T5, T6, T7, CancellationToken, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, Node<T7> input7, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Token, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (T7)a[6]!, (CancellationToken)a[7]!)), input1, input2, input3, input4, input5, input6, input7);

    /// <summary>Declares a task whose code takes 7 inputs and the attempt's context and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6, T7>(
        string name, Func<T1, T2, T3, T4, T5, T6, T7, TaskRunContext, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, Node<T7> input7, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (T7)a[6]!, (TaskRunContext)a[7]!)), input1, input2, input3, input4, input5, input6, input7);

    /// <summary>Declares a task whose code takes 7 inputs and the attempt's context and token and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6, T7>(
        string name, Func<T1, T2, T3, T4, T5, T6, T7, TaskRunContext, CancellationToken, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, Node<T7> input7, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context | TaskExtras.Token, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (T7)a[6]!, (TaskRunContext)a[7]!, (CancellationToken)a[8]!)), input1, input2, input3, input4, input5, input6, input7);

    /// <summary>Declares a task whose code takes 8 inputs and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6, T7, T8>(
        string name, Func<T1, T2, T3, T4, T5, T6, T7, T8, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, Node<T7> input7, Node<T8> input8, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.None, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (T7)a[6]!, (T8)a[7]!)), input1, input2, input3, input4, input5, input6, input7, input8);

    /// <summary>Declares a task whose code takes 8 inputs and the attempt's token and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6, T7, T8>(
        string name, Func<T1, T2, T3, T4, T5, T6, T7, T8, CancellationToken, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, Node<T7> input7, Node<T8> input8, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Token, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (T7)a[6]!, (T8)a[7]!, (CancellationToken)a[8]!)), input1, input2, input3, input4, input5, input6, input7, input8);

    /// <summary>Declares a task whose code takes 8 inputs and the attempt's context and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6, T7, T8>(
        string name, Func<T1, T2, T3, T4, T5, T6, T7, T8, TaskRunContext, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, Node<T7> input7, Node<T8> input8, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (T7)a[6]!, (T8)a[7]!, (TaskRunContext)a[8]!)), input1, input2, input3, input4, input5, input6, input7, input8);

    /// <summary>Declares a task whose code takes 8 inputs and the attempt's context and token and returns a task without a value; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6, T7, T8>(
        string name, Func<T1, T2, T3, T4, T5, T6, T7, T8, TaskRunContext, CancellationToken, Task> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, Node<T7> input7, Node<T8> input8, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context | TaskExtras.Token, a => Awaited(function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (T7)a[6]!, (T8)a[7]!, (TaskRunContext)a[8]!, (CancellationToken)a[9]!)), input1, input2, input3, input4, input5, input6, input7, input8);
}
