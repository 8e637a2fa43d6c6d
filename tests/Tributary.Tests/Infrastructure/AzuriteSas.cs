using System.Web;
using Azure.Storage.Sas;

namespace Tributary.Tests.Infrastructure;

/// <summary>SAS tokens for the development account, signed here with its key (as an operator would hand them out).</summary>
public static class AzuriteSas
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(2);

    /// <summary>An account SAS for the blob service, without the leading <c>?</c>.</summary>
    /// <param name="permissions">What it allows; everything when <see langword="null"/>.</param>
    /// <param name="lifetime">How long it is valid; two hours when <see langword="null"/>.</param>
    /// <param name="resourceTypes">The resource types it reaches; all when <see langword="null"/>.</param>
    public static string Account(AccountSasPermissions? permissions = null, TimeSpan? lifetime = null, AccountSasResourceTypes? resourceTypes = null) =>
        new AccountSasBuilder(
                permissions ?? AccountSasPermissions.All,
                DateTimeOffset.UtcNow.Add(lifetime ?? DefaultLifetime),
                AccountSasServices.Blobs,
                resourceTypes ?? AccountSasResourceTypes.All)
            .ToSasQueryParameters(AzuriteCredential.Key)
            .ToString();

    /// <summary>A container SAS (<c>sr=c</c>), without the leading <c>?</c>.</summary>
    /// <param name="container">The container it is for.</param>
    /// <param name="permissions">What it allows; read, add, create, write, delete and list when <see langword="null"/>.</param>
    public static string Container(string container, BlobContainerSasPermissions? permissions = null) =>
        new BlobSasBuilder(
                permissions ?? BlobContainerSasPermissions.Read | BlobContainerSasPermissions.Add | BlobContainerSasPermissions.Create
                    | BlobContainerSasPermissions.Write | BlobContainerSasPermissions.Delete | BlobContainerSasPermissions.List,
                DateTimeOffset.UtcNow.Add(DefaultLifetime)) { BlobContainerName = container }
            .ToSasQueryParameters(AzuriteCredential.Key)
            .ToString();

    /// <summary>A SAS connection string for the server's blob service: <c>BlobEndpoint=...;SharedAccessSignature=...</c>.</summary>
    public static string ConnectionString(AzuriteServer server, string sas) =>
        $"BlobEndpoint={server.BlobEndpoint};SharedAccessSignature={sas}";

    /// <summary>The URI of a container of the server with a SAS token as its query.</summary>
    public static Uri ContainerUri(AzuriteServer server, string container, string sas) => new($"{server.BlobEndpoint}/{container}?{sas}");

    /// <summary>The signature (<c>sig</c>) of a SAS token, decoded (as base64).</summary>
    public static string Signature(string sas) =>
        HttpUtility.ParseQueryString(sas)["sig"] ?? throw new ArgumentException("The SAS token has no signature.", nameof(sas));

    /// <summary>
    /// The forms in which a SAS token's signature can be written down: decoded, and percent-encoded as in a URI's query
    /// or a connection string. A scan for the signature looks for each.
    /// </summary>
    public static string[] SignatureForms(string sas)
    {
        var signature = Signature(sas);
        return new[] { signature, Uri.EscapeDataString(signature) }.Distinct(StringComparer.Ordinal).ToArray();
    }
}
