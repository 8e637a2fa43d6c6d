using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Tributary.Handlers.AzureBlob.Options;

/// <summary>
/// Checks <see cref="AzureBlobResultHandlerOptions"/>: exactly one credential form, well formed, and no container
/// creation a service SAS cannot do. Messages name the setting by its configuration key and never repeat a credential.
/// </summary>
internal sealed class AzureBlobResultHandlerOptionsValidator : IValidateOptions<AzureBlobResultHandlerOptions>
{
    private const string Section = AzureBlobResultHandlerOptions.SectionName;
    private const string ConnectionStringKey = $"{Section}:{nameof(AzureBlobResultHandlerOptions.ConnectionString)}";
    private const string ContainerUriKey = $"{Section}:{nameof(AzureBlobResultHandlerOptions.ContainerUri)}";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AzureBlobResultHandlerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failure = CheckCredential(options);
        if (failure is null && options.CreateContainerIfMissing == true && options.HasServiceSas)
        {
            failure = $"{Section}:{nameof(options.CreateContainerIfMissing)} is true, but the configured SAS is a service SAS (it has 'sr='), "
                + "which cannot create containers: create the container beforehand and leave the setting unset or false, or use an account SAS.";
        }

        return failure is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failure);
    }

    private static string? CheckCredential(AzureBlobResultHandlerOptions options)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (!hasConnectionString && options.ContainerUri is null)
        {
            return $"The Azure Blob result handler needs a connection string: set {ConnectionStringKey} (an account-key or SAS connection "
                + $"string) or {ContainerUriKey} (a container URI with a SAS).";
        }

        if (hasConnectionString && options.ContainerUri is not null)
        {
            return $"Set either {ConnectionStringKey} or {ContainerUriKey}, not both.";
        }

        return hasConnectionString ? CheckConnectionString(options.ConnectionString!) : CheckContainerUri(options.ContainerUri!);
    }

    private static string? CheckConnectionString(string connectionString)
    {
        try
        {
            _ = new BlobServiceClient(connectionString);
            return null;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            // The SDK's own message is not repeated: it may quote the string, and with it the key or the signature.
            return $"{ConnectionStringKey} is not a valid Azure Storage connection string (expected AccountName/AccountKey, "
                + "BlobEndpoint with SharedAccessSignature, or UseDevelopmentStorage=true).";
        }
    }

    private static string? CheckContainerUri(Uri uri)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return $"{ContainerUriKey} must be an absolute http(s) URI of a container.";
        }

        var parts = new BlobUriBuilder(uri);
        var shown = SafeUri.WithoutQuery(uri);
        if (string.IsNullOrEmpty(parts.BlobContainerName) || !string.IsNullOrEmpty(parts.BlobName))
        {
            return $"{ContainerUriKey} must be the URI of a container (no blob name), but is {shown}.";
        }

        if (string.IsNullOrEmpty(parts.Sas?.Signature))
        {
            return $"{ContainerUriKey} ({shown}) has no SAS token (no signature in its query): append a container or account SAS, or use "
                + $"{ConnectionStringKey} for an account key.";
        }

        if (!string.IsNullOrEmpty(parts.Sas.Resource) && parts.Sas.Resource != "c")
        {
            return $"{ContainerUriKey} ({shown}) carries a SAS for resource '{parts.Sas.Resource}': a container SAS (sr=c) or an account SAS is needed.";
        }

        return null;
    }
}
