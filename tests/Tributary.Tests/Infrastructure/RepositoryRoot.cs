namespace Tributary.Tests.Infrastructure;

/// <summary>Finds the repository root: the nearest folder above the test binaries that holds package.json.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The absolute path of the repository root.</summary>
    public static string Path => Root.Value;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "package.json")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No package.json above {AppContext.BaseDirectory}: the tests must run from inside the Tributary repository.");
    }
}
