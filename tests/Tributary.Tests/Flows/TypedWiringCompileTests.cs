using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tributary.Flows;

namespace Tributary.Tests.Flows;

/// <summary>The compiler, not Build(), refuses a typed task whose input node gives the wrong type.</summary>
public sealed class TypedWiringCompileTests
{
    private const string Template = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Tributary.Flows;

        public static class Snippet
        {
            public static FlowDefinition Define()
            {
                var flow = new FlowBuilder("snippet");
                var text = flow.Parameter<string>("text");
                var length = flow.Task("length", (string s) => s.Length, text);
                flow.Task("double", (int n, CancellationToken ct) => n * 2, INPUT);
                return flow.Build();
            }
        }
        """;

    [Fact]
    public void Compile_TaskNodeOfRightType_HasNoErrors()
    {
        // Guards the wrong-type test below: the same snippet with the right node compiles, so its error is the input's.
        Assert.Empty(Errors(Template.Replace("INPUT", "length", StringComparison.Ordinal)));
    }

    [Fact]
    public void Compile_TaskNodeOfStringWhereIntExpected_FailsWithCannotConvert()
    {
        var errors = Errors(Template.Replace("INPUT", "text", StringComparison.Ordinal));

        // Overload resolution fails; the compiler reports it against the candidate it judged closest (which one is its
        // choice), but always as "cannot convert from" the wrongly typed node.
        Assert.NotEmpty(errors);
        Assert.Contains(errors, error => error.Id == "CS1503"
            && error.GetMessage().Contains("cannot convert from 'Tributary.Flows.Parameter<string>'", StringComparison.Ordinal));
    }

    internal static IReadOnlyList<Diagnostic> Errors(string source)
    {
        // The running test's own assemblies (the framework and the contracts) are what the snippet compiles against.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Append(typeof(FlowBuilder).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "TypedWiringSnippet",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return [.. compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];
    }
}
