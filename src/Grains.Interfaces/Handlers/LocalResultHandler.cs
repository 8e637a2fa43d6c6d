using Tributary.Results;
using Tributary.Serialization;

namespace Tributary.Handlers;

/// <summary>
/// Stores each value in its own file under a directory; the safe value is the file's absolute path.
/// </summary>
/// <remarks>
/// <para>
/// Writes are atomic: the bytes go to a hidden temporary file in the same directory, which is then renamed, so a
/// crash never leaves a partial file under a result's name.
/// </para>
/// <para>
/// Reads accept only paths inside the handler's directory: a location cannot reach outside the directory its
/// descriptor names (no <c>..</c>, no other absolute path). That is all it protects. A safe value carries its
/// descriptor, and the handler catalog builds the handler, directory included, from that descriptor, so a safe value
/// whose descriptor names another directory is read from that directory. Keep orchestration state, where safe values
/// are stored, in a store you trust.
/// </para>
/// </remarks>
public sealed partial class LocalResultHandler : ByteStoreResultHandler, IRewritableResultHandler, IResultLocationLister
{
    /// <summary>The kind name stored in descriptors.</summary>
    public const string Kind = "local";

    /// <summary>The descriptor setting that holds the directory.</summary>
    public const string DirectorySetting = "directory";

    // Files up to this size are read and written synchronously: on Linux, .NET's asynchronous file I/O goes through
    // the thread pool and costs more than a small write itself (bench W1 with local checkpoints: ~2.7x faster).
    private const int SynchronousLimit = 64 * 1024;

    /// <summary>Creates the handler.</summary>
    /// <param name="directory">Where results go; made absolute; see <see cref="ResultHandlers.DefaultLocalDirectory"/> when <see langword="null"/>.</param>
    /// <param name="serializer">How values become bytes; System.Text.Json when <see langword="null"/>.</param>
    public LocalResultHandler(string? directory = null, IResultSerializer? serializer = null)
        : this(directory, serializer, format: null, codec: null)
    {
    }

    /// <summary>Creates the handler writing results in a chosen format and codec (recorded in its descriptor).</summary>
    /// <param name="directory">Where results go; made absolute; see <see cref="ResultHandlers.DefaultLocalDirectory"/> when <see langword="null"/>.</param>
    /// <param name="serializer">The host's serializer: it writes when neither format nor codec is chosen, and reads results stored without a format header.</param>
    /// <param name="format">The format to write; the serializer's when <see langword="null"/>.</param>
    /// <param name="codec">The compression to apply when it pays off; none when <see langword="null"/>.</param>
    public LocalResultHandler(string? directory, IResultSerializer? serializer, ResultFormat? format, ResultCodec? codec)
        : base(ResultEncoding.Serializer(format, codec, serializer))
    {
        Directory = Path.GetFullPath(directory ?? ResultHandlers.DefaultLocalDirectory);
        Descriptor = ResultHandlers.Local(Directory, format, codec);
    }

    /// <summary>The absolute directory results are written to.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    public override ResultHandlerDescriptor Descriptor { get; }

    /// <summary>Builds the handler that a descriptor of kind <see cref="Kind"/> describes (its <c>format</c> and <c>codec</c> settings included).</summary>
    /// <param name="descriptor">The descriptor.</param>
    /// <param name="serializer">The host's serializer.</param>
    /// <exception cref="ArgumentException">A <c>format</c> or <c>codec</c> setting names nothing known.</exception>
    public static LocalResultHandler FromDescriptor(ResultHandlerDescriptor descriptor, IResultSerializer serializer) =>
        new(descriptor.GetSetting(DirectorySetting), serializer, ResultEncoding.FormatOf(descriptor), ResultEncoding.CodecOf(descriptor));

    /// <inheritdoc />
    protected override Task<string> WriteBytesAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        WriteFileAsync(Path.Combine(Directory, Guid.NewGuid().ToString("N") + Serializer.FileExtension), data, overwrite: false, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Under <see cref="Directory"/>, at the key's path: <c>yyyy/MM/dd/flow/run/task/attempt-N[-nonce].json</c>.</remarks>
    protected override Task<string> WriteBytesAsync(ReadOnlyMemory<byte> data, ResultKey key, CancellationToken cancellationToken) =>
        WriteFileAsync(LocationOfKey(key), data, overwrite: true, cancellationToken);

    /// <inheritdoc />
    protected override string LocationOfKey(ResultKey key) =>
        Path.Combine(Directory, key.ToRelativePath().Replace('/', Path.DirectorySeparatorChar) + Serializer.FileExtension);

    private async Task<string> WriteFileAsync(string path, ReadOnlyMemory<byte> data, bool overwrite, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path)!;
        System.IO.Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            if (data.Length <= SynchronousLimit)
            {
                File.WriteAllBytes(temporary, data.Span);
            }
            else
            {
                await File.WriteAllBytesAsync(temporary, data, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return path;
    }

    /// <inheritdoc />
    protected override Task DeleteBytesAsync(string location, CancellationToken cancellationToken)
    {
        File.Delete(PathInside(location));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override async Task<byte[]> ReadBytesAsync(string location, CancellationToken cancellationToken)
    {
        var path = PathInside(location);

        try
        {
            return new FileInfo(path).Length <= SynchronousLimit
                ? File.ReadAllBytes(path)
                : await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ResultLocationNotFoundException(path, Descriptor, ex);
        }
    }

    private string PathInside(string location)
    {
        var path = Path.GetFullPath(location);
        var root = Path.TrimEndingDirectorySeparator(Directory) + Path.DirectorySeparatorChar;
        return path.StartsWith(root, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException(
                $"Handler {Descriptor} reads and deletes only files inside {Directory}, but was given '{location}'.", nameof(location));
    }
}
