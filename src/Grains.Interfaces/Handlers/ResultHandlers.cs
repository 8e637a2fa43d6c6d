using Tributary.Serialization;

namespace Tributary.Handlers;

/// <summary>Descriptors of the built-in handler kinds, to set on a flow, a task or the global default.</summary>
public static class ResultHandlers
{
    /// <summary>The kind name of the Azure Blob handler (registered on a host by <c>AddAzureBlobResultHandler</c>).</summary>
    public const string AzureBlobKind = "azure-blob";

    /// <summary>The descriptor setting that holds the Azure Blob container.</summary>
    public const string ContainerSetting = "container";

    /// <summary>The environment variable that overrides <see cref="DefaultLocalDirectory"/>.</summary>
    public const string LocalDirectoryVariable = "TRIBUTARY_RESULTS_DIR";

    /// <summary>The JSON handler: the data itself is the safe value (opt-in, small non-sensitive values).</summary>
    public static ResultHandlerDescriptor Json { get; } = new(JsonResultHandler.Kind);

    /// <summary>
    /// Where the local handler writes when no directory is given: <c>$TRIBUTARY_RESULTS_DIR</c> if set, otherwise
    /// <c>~/.tributary/results</c> (the working folder's <c>.tributary/results</c> where there is no home folder).
    /// </summary>
    public static string DefaultLocalDirectory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(LocalDirectoryVariable);
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return Path.GetFullPath(configured);
            }

            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            var root = string.IsNullOrEmpty(home) ? Environment.CurrentDirectory : home;
            return Path.Combine(root, ".tributary", "results");
        }
    }

    /// <summary>
    /// The local-file handler writing under <paramref name="directory"/> in a chosen format, compressed with a chosen
    /// codec when that pays off (neither by default: plain JSON files, as ever). Any host reads the results whatever it is configured to write: the stored bytes say
    /// how they were written.
    /// </summary>
    /// <param name="directory">Made absolute now; <see cref="DefaultLocalDirectory"/> when <see langword="null"/>.</param>
    /// <param name="format">The format (descriptor setting <c>format</c>); the host's serializer (JSON) when <see langword="null"/>.</param>
    /// <param name="codec">The compression (descriptor setting <c>codec</c>); none when <see langword="null"/>.</param>
    public static ResultHandlerDescriptor Local(string? directory = null, ResultFormat? format = null, ResultCodec? codec = null) =>
        new(LocalResultHandler.Kind,
            [new(LocalResultHandler.DirectorySetting, Path.GetFullPath(directory ?? DefaultLocalDirectory)), .. ResultEncoding.Settings(format, codec)]);

    /// <summary>
    /// The encrypting handler around <paramref name="inner"/>: AES-GCM with keys from the host's <c>Tributary:Encryption</c>
    /// key ring (registered on a host by configuring that section, or by <c>AddEncryptedResultHandler</c>).
    /// </summary>
    /// <param name="inner">The handler that stores the encrypted objects, e.g. <see cref="Local"/>; never <see cref="Json"/>.</param>
    public static ResultHandlerDescriptor Encrypted(ResultHandlerDescriptor inner) => Encryption.EncryptedDescriptor.Of(inner);

    /// <summary>
    /// The Azure Blob handler writing to <paramref name="container"/> of the host's configured account, in a chosen
    /// format and codec (neither by default: plain JSON blobs). Any host reads every format: the stored bytes say which.
    /// </summary>
    /// <param name="container">The container name (created when missing).</param>
    /// <param name="format">The format (descriptor setting <c>format</c>); the host's serializer (JSON) when <see langword="null"/>.</param>
    /// <param name="codec">The compression (descriptor setting <c>codec</c>); none when <see langword="null"/>.</param>
    public static ResultHandlerDescriptor AzureBlob(string container, ResultFormat? format = null, ResultCodec? codec = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        return new(AzureBlobKind, [new(ContainerSetting, container), .. ResultEncoding.Settings(format, codec)]);
    }
}
