using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tributary.Flows;

namespace Tributary.Tests.Flows;

/// <summary><c>flow.Map</c> is checked when the flow is built, and its element type by the compiler.</summary>
public sealed class MapBuilderTests
{
    private const string Template = """
        using System.Collections.Generic;
        using System.Linq;
        using Tributary.Flows;

        public static class Snippet
        {
            public static FlowDefinition Define()
            {
                var flow = new FlowBuilder("snippet");
                var numbers = flow.Task("numbers", () => new[] { 1, 2, 3 });
                var names = flow.Task("names", () => new List<string> { "a" });
                var doubled = flow.Map("doubled", x => x * 2, LIST);
                flow.Task("sum", (IReadOnlyList<int> values) => values.Sum(), doubled);
                return flow.Build();
            }
        }
        """;

    [Fact]
    public void Compile_MapOverArrayWithInferredElement_HasNoErrors()
    {
        // Guards the test below: the same snippet over the int array compiles, so its error is the element type's.
        Assert.Empty(Errors(Template.Replace("LIST", "numbers", StringComparison.Ordinal)));
    }

    [Fact]
    public void Compile_MapOverStringsWhereTheCodeDoublesInts_DoesNotCompile()
    {
        Assert.NotEmpty(Errors(Template.Replace("LIST", "names", StringComparison.Ordinal)));
    }

    [Fact]
    public void Build_MapOverArrayListAndMap_GivesTheMapsAndTheirChildTasks()
    {
        var flow = new FlowBuilder("maps");
        var numbers = flow.Task("numbers", () => new[] { 1, 2 });
        var words = flow.Task("words", () => new List<string> { "a" });
        var doubled = flow.Map("doubled", x => x * 2, numbers);
        var lengths = flow.Map("lengths", (word, context) => word.Length + context.Attempt, words);
        var again = flow.Map("again", async (int x, CancellationToken ct) => { await Task.Yield(); return x.ToString(); }, doubled);

        var definition = flow.Build();

        Assert.Equal("doubled", doubled.Name);
        var map = definition.Tasks["doubled"];
        Assert.Equal(typeof(IReadOnlyList<int>), map.OutputType);
        Assert.Equal(typeof(int), map.Map!.Child.OutputType);
        Assert.Equal(typeof(int), Assert.Single(map.Map.Child.Function.Inputs).Type);
        Assert.Equal("numbers", map.Edges["x"]);
        Assert.Equal(typeof(IReadOnlyList<string>), definition.Tasks[again.Name].OutputType);
        Assert.Equal(["doubled"], definition.Upstream[again.Name]);
        Assert.Equal("words", definition.Tasks[lengths.Name].Map!.ListSource);
    }

    [Fact]
    public void Build_TaskNamedLikeAChildOfAMap_IsRefusedNamingIt()
    {
        var flow = new FlowBuilder("clash");
        var numbers = flow.Task("numbers", () => new[] { 1, 2 });
        flow.Map("score", x => x, numbers);
        flow.Task("score[0]", () => 0);

        var error = Assert.Throws<FlowValidationException>(flow.Build);

        Assert.Contains("task 'score[0]' has the name of a child of map 'score'", error.Message);
    }

    [Fact]
    public void Map_OverAConstantOrAGatheredList_IsRefusedNamingTheMap()
    {
        var flow = new FlowBuilder("fixed");
        var one = flow.Task("one", () => 1);

        var constant = Assert.Throws<ArgumentException>(() => flow.Map("m", (int x) => x, flow.Constant(new[] { 1, 2 })));
        var gathered = Assert.Throws<ArgumentException>(() => flow.Map("g", (int x) => x, flow.Gather(one)));

        Assert.Equal("list", constant.ParamName);
        Assert.Contains("Map 'm'", constant.Message);
        Assert.Contains("Map 'g'", gathered.Message);
    }

    private static IReadOnlyList<Diagnostic> Errors(string source) => TypedWiringCompileTests.Errors(source);
}
