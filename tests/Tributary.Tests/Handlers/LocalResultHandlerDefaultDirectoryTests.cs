using Tributary.Handlers;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class LocalResultHandlerDefaultDirectoryTests
{
    [Fact]
    public void Constructor_NoDirectory_UsesResultsDirVariable()
    {
        using var directory = new TempDirectory();
        using var variable = new EnvironmentVariableScope(ResultHandlers.LocalDirectoryVariable, directory.Path);

        var handler = new LocalResultHandler();

        Assert.Equal(directory.Path, handler.Directory);
        Assert.Equal(ResultHandlers.Local(directory.Path), handler.Descriptor);
        Assert.Equal(ResultHandlers.Local(), handler.Descriptor);
    }

    [Fact]
    public async Task GetHandler_LocalKindWithoutDirectory_WritesUnderResultsDirVariable()
    {
        using var directory = new TempDirectory();
        using var variable = new EnvironmentVariableScope(ResultHandlers.LocalDirectoryVariable, directory.Path);

        var handler = new ResultHandlerCatalog().GetHandler(new ResultHandlerDescriptor(LocalResultHandler.Kind));
        var location = await handler.WriteAsync("v", typeof(string));

        Assert.StartsWith(directory.Path + Path.DirectorySeparatorChar, location!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultLocalDirectory_VariableUnset_IsUnderHome()
    {
        using var variable = new EnvironmentVariableScope(ResultHandlers.LocalDirectoryVariable, null);

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var expected = Path.Combine(string.IsNullOrEmpty(home) ? Environment.CurrentDirectory : home, ".tributary", "results");

        Assert.Equal(expected, ResultHandlers.DefaultLocalDirectory);
    }
}
