namespace Tributary.Tests.Handlers;

/// <summary>The credential forms a host can give the Azure Blob handler.</summary>
public enum AzureBlobCredentialForm
{
    /// <summary>A connection string with the account key.</summary>
    AccountKey,

    /// <summary>A connection string with an account SAS: <c>BlobEndpoint=...;SharedAccessSignature=...</c>.</summary>
    SasConnectionString,

    /// <summary>A container URI with a container SAS (<c>ContainerUri</c>), for that container only.</summary>
    SasContainerUri,
}
