using Tributary.Flows;

namespace Tributary.Tests.Flows;

/// <summary>Parameters a run is refused for are reported as the parameters' problem, each with System.Text.Json's whole reason.</summary>
public sealed class ParameterBinderTests
{
    private static readonly FlowDefinition Flow = DefineFlow();

    // Guards a fixed bug: the reason was cut at its first full stop, giving "could not be converted to System".
    [Fact]
    public void Bind_IllTypedValue_GivesTheWholeReasonWithoutItsPosition()
    {
        var error = Assert.Throws<FlowValidationException>(() => ParameterBinder.Bind(Flow, Given(("count", "\"many\""))));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("parameter 'count' expects a Int32, but got \"many\" (The JSON value could not be converted to System.Int32)", problem);
    }

    [Theory]
    [InlineData("when", "\"yesterday\"", "System.DateTimeOffset")]
    [InlineData("sizes", "[1, \"two\"]", "System.Int32")]
    public void Bind_IllTypedValue_NamesTheFullTypeAndNoPosition(string name, string json, string typeName)
    {
        var error = Assert.Throws<FlowValidationException>(() => ParameterBinder.Bind(Flow, Given(("count", "1"), (name, json))));

        var problem = Assert.Single(error.Problems);
        Assert.Contains(typeName, problem);
        Assert.DoesNotContain("LineNumber", problem);
        Assert.DoesNotContain("Path:", problem);
    }

    // Guards a fixed bug: parameter problems read "Flow 'x' is invalid", as if the flow's definition were wrong.
    [Fact]
    public void Bind_BadParameters_MessageSaysTheParametersOfTheFlowAreInvalid()
    {
        var error = Assert.Throws<FlowValidationException>(() => ParameterBinder.Bind(Flow, Given(("colour", "\"red\""))));

        Assert.StartsWith("Parameters of flow 'typed' are invalid: ", error.Message);
        Assert.Equal("typed", error.FlowName);
        Assert.Equal(2, error.Problems.Length); // the unknown one and the missing required one
        Assert.Contains(error.Problems, p => p.Contains("unknown parameter 'colour'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("missing required parameter 'count'", StringComparison.Ordinal));
    }

    [Fact]
    public void Bind_GoodParameters_GivesNormalizedJsonWithDefaults()
    {
        var bound = ParameterBinder.Bind(Flow, Given(("count", " 3 ")));

        Assert.Equal("3", bound["count"]);
        Assert.Equal("[]", bound["sizes"]);
    }

    [Fact]
    public void Bind_ParametersOverTheLimit_AreRefusedNamingTheSizeTheLimitAndTheLargest()
    {
        var sizes = "[" + string.Join(",", Enumerable.Repeat("123456", ParameterBinder.MaxParametersBytes / 7 + 1)) + "]";

        var error = Assert.Throws<FlowValidationException>(() => ParameterBinder.Bind(Flow, Given(("count", "1"), ("sizes", sizes))));

        var problem = Assert.Single(error.Problems);
        Assert.Contains($"over the limit of {ParameterBinder.MaxParametersBytes / 1024} KB", problem);
        Assert.Contains("the largest is 'sizes'", problem);
    }

    [Fact]
    public void Bind_ParametersJustUnderTheLimit_AreBound()
    {
        var sizes = "[" + string.Join(",", Enumerable.Repeat("123456", (ParameterBinder.MaxParametersBytes / 7) - 100)) + "]";

        var bound = ParameterBinder.Bind(Flow, Given(("count", "1"), ("sizes", sizes)));

        Assert.Equal(sizes, bound["sizes"]);
    }

    private static Dictionary<string, string> Given(params (string Name, string Json)[] values) =>
        values.ToDictionary(value => value.Name, value => value.Json);

    private static FlowDefinition DefineFlow()
    {
        var flow = new FlowBuilder("typed");
        var count = flow.Parameter<int>("count");
        var when = flow.Parameter("when", DateTimeOffset.UnixEpoch);
        var sizes = flow.Parameter("sizes", Array.Empty<int>());
        flow.Task("use", (int count, DateTimeOffset when, int[] sizes) => count + sizes.Length, count, when, sizes);
        return flow.Build();
    }
}
