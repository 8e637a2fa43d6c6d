namespace Tributary.Tests.Infrastructure;

/// <summary>A fresh temporary directory, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the directory.</summary>
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("tributary-tests-").FullName;

    /// <summary>The absolute path.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
