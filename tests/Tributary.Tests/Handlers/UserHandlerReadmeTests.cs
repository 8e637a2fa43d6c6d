using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>
/// The README's worked example of a user's handler ("Writing your own handler") is the code this repository compiles and
/// tests: <c>UserHandlerTests.KeyValueResultHandler</c> and <see cref="UserHandlerConformanceTests"/>.
/// </summary>
public sealed class UserHandlerReadmeTests
{
    [Theory]
    [InlineData("public sealed class KeyValueResultHandler", "tests/Tributary.Tests/Runs/UserHandlerTests.cs")]
    [InlineData("public sealed class UserHandlerConformanceTests", "tests/Tributary.Tests/Handlers/UserHandlerConformanceTests.cs")]
    public void ReadmeExample_Class_IsTheTestedCode(string declaration, string source)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var code = File.ReadAllText(Path.Combine(RepositoryRoot.Path, source));

        Assert.Equal(ClassCode(code, declaration), ClassCode(readme, declaration));
    }

    // The class's lines, from its declaration to its closing brace, trimmed, without blank and comment lines.
    private static string[] ClassCode(string text, string declaration)
    {
        var lines = text.Split('\n').Select(line => line.Trim()).ToList();
        var start = lines.FindIndex(line => line.StartsWith(declaration, StringComparison.Ordinal));
        Assert.True(start >= 0, $"'{declaration}' not found");
        var depth = 0;
        var body = new List<string>();
        foreach (var line in lines.Skip(start))
        {
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            body.Add(line);
            depth += line.Count(c => c == '{') - line.Count(c => c == '}');
            if (depth == 0 && line.Contains('}'))
            {
                break;
            }
        }

        return [.. body];
    }
}
