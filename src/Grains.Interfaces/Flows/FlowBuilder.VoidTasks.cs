// Written by eng/generate-typed-tasks.py: change the script and run it again, not this file.
namespace Tributary.Flows;

/// <summary>The typed task overloads whose code returns nothing.</summary>
public sealed partial class FlowBuilder
{
    /// <summary>Declares a task whose code takes 0 inputs and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task(
        string name, Action function, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.None, a => { function(); return Done(null); });

    /// <summary>Declares a task whose code takes 0 inputs and the attempt's token and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task(
        string name, Action<CancellationToken> function, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Token, a => { function((CancellationToken)a[0]!); return Done(null); });

    /// <summary>Declares a task whose code takes 0 inputs and the attempt's context and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task(
        string name, Action<TaskRunContext> function, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context, a => { function((TaskRunContext)a[0]!); return Done(null); });

    /// <summary>Declares a task whose code takes 0 inputs and the attempt's context and token and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task(
        string name, Action<TaskRunContext, CancellationToken> function, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context | TaskExtras.Token, a => { function((TaskRunContext)a[0]!, (CancellationToken)a[1]!); return Done(null); });

    /// <summary>Declares a task whose code takes 1 input and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1>(
        string name, Action<T1> function, Node<T1> input1, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.None, a => { function((T1)a[0]!); return Done(null); }, input1);

    /// <summary>Declares a task whose code takes 1 input and the attempt's token and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1>(
        string name, Action<T1, CancellationToken> function, Node<T1> input1, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Token, a => { function((T1)a[0]!, (CancellationToken)a[1]!); return Done(null); }, input1);

    /// <summary>Declares a task whose code takes 1 input and the attempt's context and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1>(
        string name, Action<T1, TaskRunContext> function, Node<T1> input1, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context, a => { function((T1)a[0]!, (TaskRunContext)a[1]!); return Done(null); }, input1);

    /// <summary>Declares a task whose code takes 1 input and the attempt's context and token and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1>(
        string name, Action<T1, TaskRunContext, CancellationToken> function, Node<T1> input1, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context | TaskExtras.Token, a => { function((T1)a[0]!, (TaskRunContext)a[1]!, (CancellationToken)a[2]!); return Done(null); }, input1);

    /// <summary>Declares a task whose code takes 2 inputs and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2>(
        string name, Action<T1, T2> function, Node<T1> input1, Node<T2> input2, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.None, a => { function((T1)a[0]!, (T2)a[1]!); return Done(null); }, input1, input2);

    /// <summary>Declares a task whose code takes 2 inputs and the attempt's token and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2>(
        string name, Action<T1, T2, CancellationToken> function, Node<T1> input1, Node<T2> input2, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Token, a => { function((T1)a[0]!, (T2)a[1]!, (CancellationToken)a[2]!); return Done(null); }, input1, input2);

    /// <summary>Declares a task whose code takes 2 inputs and the attempt's context and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2>(
        string name, Action<T1, T2, TaskRunContext> function, Node<T1> input1, Node<T2> input2, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context, a => { function((T1)a[0]!, (T2)a[1]!, (TaskRunContext)a[2]!); return Done(null); }, input1, input2);

    /// <summary>Declares a task whose code takes 2 inputs and the attempt's context and token and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2>(
        string name, Action<T1, T2, TaskRunContext, CancellationToken> function, Node<T1> input1, Node<T2> input2, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context | TaskExtras.Token, a => { function((T1)a[0]!, (T2)a[1]!, (TaskRunContext)a[2]!, (CancellationToken)a[3]!); return Done(null); }, input1, input2);

    /// <summary>Declares a task whose code takes 3 inputs and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3>(
        string name, Action<T1, T2, T3> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.None, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!); return Done(null); }, input1, input2, input3);

    /// <summary>Declares a task whose code takes 3 inputs and the attempt's token and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3>(
        string name, Action<T1, T2, T3, CancellationToken> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Token, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (CancellationToken)a[3]!); return Done(null); }, input1, input2, input3);

    /// <summary>Declares a task whose code takes 3 inputs and the attempt's context and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3>(
        string name, Action<T1, T2, T3, TaskRunContext> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (TaskRunContext)a[3]!); return Done(null); }, input1, input2, input3);

    /// <summary>Declares a task whose code takes 3 inputs and the attempt's context and token and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3>(
        string name, Action<T1, T2, T3, TaskRunContext, CancellationToken> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context | TaskExtras.Token, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (TaskRunContext)a[3]!, (CancellationToken)a[4]!); return Done(null); }, input1, input2, input3);

    /// <summary>Declares a task whose code takes 4 inputs and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4>(
        string name, Action<T1, T2, T3, T4> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.None, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!); return Done(null); }, input1, input2, input3, input4);

    /// <summary>Declares a task whose code takes 4 inputs and the attempt's token and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4>(
        string name, Action<T1, T2, T3, T4, CancellationToken> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Token, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (CancellationToken)a[4]!); return Done(null); }, input1, input2, input3, input4);

    /// <summary>Declares a task whose code takes 4 inputs and the attempt's context and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4>(
        string name, Action<T1, T2, T3, T4, TaskRunContext> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (TaskRunContext)a[4]!); return Done(null); }, input1, input2, input3, input4);

    /// <summary>Declares a task whose code takes 4 inputs and the attempt's context and token and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4>(
        string name, Action<T1, T2, T3, T4, TaskRunContext, CancellationToken> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context | TaskExtras.Token, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (TaskRunContext)a[4]!, (CancellationToken)a[5]!); return Done(null); }, input1, input2, input3, input4);

    /// <summary>Declares a task whose code takes 5 inputs and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5>(
        string name, Action<T1, T2, T3, T4, T5> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.None, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!); return Done(null); }, input1, input2, input3, input4, input5);

    /// <summary>Declares a task whose code takes 5 inputs and the attempt's token and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5>(
        string name, Action<T1, T2, T3, T4, T5, CancellationToken> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Token, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (CancellationToken)a[5]!); return Done(null); }, input1, input2, input3, input4, input5);

    /// <summary>Declares a task whose code takes 5 inputs and the attempt's context and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5>(
        string name, Action<T1, T2, T3, T4, T5, TaskRunContext> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (TaskRunContext)a[5]!); return Done(null); }, input1, input2, input3, input4, input5);

    /// <summary>Declares a task whose code takes 5 inputs and the attempt's context and token and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5>(
        string name, Action<T1, T2, T3, T4, T5, TaskRunContext, CancellationToken> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context | TaskExtras.Token, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (TaskRunContext)a[5]!, (CancellationToken)a[6]!); return Done(null); }, input1, input2, input3, input4, input5);

    /// <summary>Declares a task whose code takes 6 inputs and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6>(
        string name, Action<T1, T2, T3, T4, T5, T6> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.None, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!); return Done(null); }, input1, input2, input3, input4, input5, input6);

    /// <summary>Declares a task whose code takes 6 inputs and the attempt's token and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6>(
        string name, Action<T1, T2, T3, T4, T5, T6, CancellationToken> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Token, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (CancellationToken)a[6]!); return Done(null); }, input1, input2, input3, input4, input5, input6);

    /// <summary>Declares a task whose code takes 6 inputs and the attempt's context and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6>(
        string name, Action<T1, T2, T3, T4, T5, T6, TaskRunContext> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (TaskRunContext)a[6]!); return Done(null); }, input1, input2, input3, input4, input5, input6);

    /// <summary>Declares a task whose code takes 6 inputs and the attempt's context and token and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6>(
        string name, Action<T1, T2, T3, T4, T5, T6, TaskRunContext, CancellationToken> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context | TaskExtras.Token, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (TaskRunContext)a[6]!, (CancellationToken)a[7]!); return Done(null); }, input1, input2, input3, input4, input5, input6);

    /// <summary>Declares a task whose code takes 7 inputs and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6, T7>(
        string name, Action<T1, T2, T3, T4, T5, T6, T7> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, Node<T7> input7, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.None, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (T7)a[6]!); return Done(null); }, input1, input2, input3, input4, input5, input6, input7);

    /// <summary>Declares a task whose code takes 7 inputs and the attempt's token and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6, T7>(
        string name, Action<T1, T2, T3, T4, T5, T6, T7, CancellationToken> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, Node<T7> input7, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Token, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (T7)a[6]!, (CancellationToken)a[7]!); return Done(null); }, input1, input2, input3, input4, input5, input6, input7);

    /// <summary>Declares a task whose code takes 7 inputs and the attempt's context and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6, T7>(
        string name, Action<T1, T2, T3, T4, T5, T6, T7, TaskRunContext> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, Node<T7> input7, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (T7)a[6]!, (TaskRunContext)a[7]!); return Done(null); }, input1, input2, input3, input4, input5, input6, input7);

    /// <summary>Declares a task whose code takes 7 inputs and the attempt's context and token and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6, T7>(
        string name, Action<T1, T2, T3, T4, T5, T6, T7, TaskRunContext, CancellationToken> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, Node<T7> input7, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context | TaskExtras.Token, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (T7)a[6]!, (TaskRunContext)a[7]!, (CancellationToken)a[8]!); return Done(null); }, input1, input2, input3, input4, input5, input6, input7);

    /// <summary>Declares a task whose code takes 8 inputs and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6, T7, T8>(
        string name, Action<T1, T2, T3, T4, T5, T6, T7, T8> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, Node<T7> input7, Node<T8> input8, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.None, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (T7)a[6]!, (T8)a[7]!); return Done(null); }, input1, input2, input3, input4, input5, input6, input7, input8);

    /// <summary>Declares a task whose code takes 8 inputs and the attempt's token and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6, T7, T8>(
        string name, Action<T1, T2, T3, T4, T5, T6, T7, T8, CancellationToken> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, Node<T7> input7, Node<T8> input8, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Token, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (T7)a[6]!, (T8)a[7]!, (CancellationToken)a[8]!); return Done(null); }, input1, input2, input3, input4, input5, input6, input7, input8);

    /// <summary>Declares a task whose code takes 8 inputs and the attempt's context and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6, T7, T8>(
        string name, Action<T1, T2, T3, T4, T5, T6, T7, T8, TaskRunContext> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, Node<T7> input7, Node<T8> input8, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (T7)a[6]!, (T8)a[7]!, (TaskRunContext)a[8]!); return Done(null); }, input1, input2, input3, input4, input5, input6, input7, input8);

    /// <summary>Declares a task whose code takes 8 inputs and the attempt's context and token and returns nothing; see <see cref="FlowBuilder"/> for the convention.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or a node belongs to another flow.</exception>
    public VoidTaskNode Task<T1, T2, T3, T4, T5, T6, T7, T8>(
        string name, Action<T1, T2, T3, T4, T5, T6, T7, T8, TaskRunContext, CancellationToken> function, Node<T1> input1, Node<T2> input2, Node<T3> input3, Node<T4> input4, Node<T5> input5, Node<T6> input6, Node<T7> input7, Node<T8> input8, TaskOptions? options = null) =>
        AddVoidTask(name, function, options, TaskExtras.Context | TaskExtras.Token, a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (T7)a[6]!, (T8)a[7]!, (TaskRunContext)a[8]!, (CancellationToken)a[9]!); return Done(null); }, input1, input2, input3, input4, input5, input6, input7, input8);
}
