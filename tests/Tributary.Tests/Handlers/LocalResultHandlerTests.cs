using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

public sealed class LocalResultHandlerTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task WriteAsync_ManyWrites_LeavesOnlyCompleteResultFiles()
    {
        var handler = new LocalResultHandler(_directory.Path);

        var locations = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => handler.WriteAsync($"v{i}", typeof(string))));

        var files = Directory.GetFiles(_directory.Path).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(locations.Select(l => l!.GetValue<string>()).Order(StringComparer.Ordinal), files);
        Assert.DoesNotContain(files, f => f.EndsWith(".tmp", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith('.'));
        Assert.All(files, f => JsonNode.Parse(File.ReadAllText(f)));
    }

    [Fact]
    public async Task WriteAsync_LargeValue_DataIsNeverWrittenUnderTheResultName()
    {
        // Non-atomic writing would modify the final file while it is being filled; atomic writing fills a temporary
        // file and only then gives it the final name. The watcher sees every modification in the directory.
        var handler = new LocalResultHandler(_directory.Path);
        Directory.CreateDirectory(_directory.Path);
        var modified = new ConcurrentQueue<string>();
        var sentinelSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sentinel = Path.Combine(_directory.Path, "zz-sentinel");
        using var watcher = new FileSystemWatcher(_directory.Path)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, e) => modified.Enqueue(e.FullPath);
        watcher.Created += (_, e) =>
        {
            if (e.FullPath == sentinel)
            {
                sentinelSeen.TrySetResult();
            }
        };
        watcher.EnableRaisingEvents = true;

        var location = await handler.WriteAsync(new string('x', 4_000_000), typeof(string));
        // Events arrive in order: once the sentinel's creation is seen, every event of the write has been seen.
        await File.WriteAllTextAsync(sentinel, "");
        await sentinelSeen.Task.WaitAsync(Timeout);

        var path = location!.GetValue<string>();
        Assert.NotEmpty(modified); // the watcher did see the data being written (to the temporary file)
        Assert.DoesNotContain(path, modified);
        Assert.Equal(4_000_002, new FileInfo(path).Length);
    }

    [Fact]
    public async Task WriteAsync_Value_LocationIsAbsolutePathInsideDirectory()
    {
        var handler = new LocalResultHandler(_directory.Path);

        var path = (await handler.WriteAsync(1, typeof(int)))!.GetValue<string>();

        Assert.True(Path.IsPathFullyQualified(path));
        Assert.Equal(_directory.Path, Path.GetDirectoryName(path));
        Assert.EndsWith(".json", path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_DirectoryMissing_CreatesIt()
    {
        var nested = Path.Combine(_directory.Path, "a", "b");
        var handler = new LocalResultHandler(nested);

        var location = await handler.WriteAsync("v", typeof(string));

        Assert.Equal("v", await handler.ReadAsync(location, typeof(string)));
    }

    [Fact]
    public void Constructor_RelativeDirectory_IsMadeAbsoluteInDescriptor()
    {
        var handler = new LocalResultHandler("relative/results");

        Assert.True(Path.IsPathFullyQualified(handler.Directory));
        Assert.Equal(handler.Directory, handler.Descriptor.GetSetting(LocalResultHandler.DirectorySetting));
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("{dir}/../outside.json")]
    [InlineData("{dir}-sibling/result.json")]
    [InlineData("{dir}")]
    public async Task ReadAsync_PathOutsideDirectory_IsRefused(string template)
    {
        var handler = new LocalResultHandler(_directory.Path);
        var outside = template.Replace("{dir}", _directory.Path, StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => handler.ReadAsync(JsonValue.Create(outside), typeof(string)));

        Assert.Contains(_directory.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains(outside, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NotAString_ThrowsArgumentException()
    {
        var handler = new LocalResultHandler(_directory.Path);

        await Assert.ThrowsAsync<ArgumentException>(() => handler.ReadAsync(new JsonObject { ["path"] = "x" }, typeof(string)));
        await Assert.ThrowsAsync<ArgumentException>(() => handler.ReadAsync(null, typeof(string)));
    }

    [Fact]
    public async Task ReadAsync_AnotherHandlerOnSameDirectory_ReadsTheFile()
    {
        var location = await new LocalResultHandler(_directory.Path).WriteAsync("shared", typeof(string));

        var handler = new ResultHandlerCatalog().GetHandler(ResultHandlers.Local(_directory.Path));

        Assert.Equal("shared", await handler.ReadAsync(location, typeof(string)));
    }
}
