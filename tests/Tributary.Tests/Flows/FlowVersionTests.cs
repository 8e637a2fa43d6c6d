using System.Linq.Expressions;
using Tributary.Flows;
using Tributary.Handlers;

namespace Tributary.Tests.Flows;

/// <summary>A flow's version is a stable hash of what its runs do: the same definition gives the same version, any change a new one.</summary>
public sealed class FlowVersionTests
{
    // The task code, as fields, so that every build below uses the very same methods (as a redeployed assembly would).
    private static readonly Func<int, int[]> Extract = count => Enumerable.Range(0, count).ToArray();
    private static readonly Func<int, int[]> ExtractFromOne = count => Enumerable.Range(1, count).ToArray();
    private static readonly Func<int[], string, int> Sum = (values, label) => values.Sum() + label.Length;

    public static TheoryData<string> Changes() => ["default", "required", "retries", "delay", "checkpoint", "timeout", "handler", "flow-handler", "edge", "code", "task-name"];

    [Fact]
    public void Version_SameDefinitionBuiltTwice_IsTheSame()
    {
        Assert.Equal(Build().Version, Build().Version);
    }

    [Fact]
    public void Version_DeclarationOrderChanged_IsTheSame()
    {
        Assert.Equal(Build().Version, Build(change: "order").Version);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void Version_OneThingChanged_Differs(string change)
    {
        Assert.NotEqual(Build().Version, Build(change).Version);
    }

    [Fact]
    public void Version_Always_Is16LowercaseHexDigits()
    {
        Assert.Matches("^[0-9a-f]{16}$", Build().Version);
    }

    [Fact]
    public void CodeIdentity_AsyncLambda_CoversItsStateMachineBodyWithTokensResolved()
    {
        Func<int, Task<string>> code = async delay =>
        {
            await Task.Delay(delay);
            return "a literal of the awaited part";
        };
        var text = new VersionText();

        TaskCodeIdentity.Write(text, code.Method);

        var identity = text.ToString();
        // The lambda itself only starts its state machine; what it does is in MoveNext, which the identity covers.
        Assert.Contains("MoveNext", identity);
        Assert.Contains("\"a literal of the awaited part\"", identity);
        Assert.Contains("Delay(Int32)", identity);
        // Every token was resolved to a name, so the identity does not move when unrelated code is added to the assembly.
        Assert.DoesNotContain("token:", identity);
    }

    [Fact]
    public void Version_CompiledExpressionWithoutIL_IsStillComputed()
    {
        var value = Expression.Parameter(typeof(int), "value");
        var doubled = Expression.Lambda<Func<int, int>>(Expression.Multiply(value, Expression.Constant(2)), value).Compile();
        var flow = new FlowBuilder("compiled");
        var input = flow.Parameter("value", 1);
        flow.Task("double", doubled, input); // a compiled expression's parameters have no names: the input is arg0

        Assert.Matches("^[0-9a-f]{16}$", flow.Build().Version);
    }

    /// <summary>A small flow; <paramref name="change"/> changes one thing about it.</summary>
    private static FlowDefinition Build(string? change = null)
    {
        var flow = new FlowBuilder("versioned");
        if (change == "flow-handler")
        {
            flow.WithResultHandler(ResultHandlers.Local("/elsewhere"));
        }

        var options = new TaskOptions
        {
            MaxRetries = change == "retries" ? 3 : 2,
            RetryDelay = TimeSpan.FromSeconds(change == "delay" ? 2 : 1),
            Checkpoint = change == "checkpoint" ? true : null,
            Timeout = change == "timeout" ? TimeSpan.FromMinutes(1) : null,
            ResultHandler = change == "handler" ? ResultHandlers.Json : null,
        };
        Parameter<int> Rows() => change == "required" ? flow.Parameter<int>("rows") : flow.Parameter("rows", change == "default" ? 4 : 3);
        Parameter<string> Label() => flow.Parameter("label", "total");
        if (change == "order")
        {
            // The typed API declares a task only after the nodes it takes, so the tasks' order changes through the
            // run-time-graph layer (wired by name, "sum" before "extract"): the version depends on neither the order nor
            // the layer that built the flow.
            flow.Parameter("other-label", "total");
            var label = Label();
            var rows = Rows();
            flow.Task("sum", Sum).WithInput("values", "extract").WithInput("label", label);
            flow.Task("extract", Extract, options).WithInput("count", rows);
        }
        else
        {
            var rows = Rows();
            var label = Label();
            var otherLabel = flow.Parameter("other-label", "total");
            var extract = flow.Task(change == "task-name" ? "read" : "extract", change == "code" ? ExtractFromOne : Extract, rows, options);
            flow.Task("sum", Sum, extract, change == "edge" ? otherLabel : label);
        }

        return flow.Build();
    }
}
