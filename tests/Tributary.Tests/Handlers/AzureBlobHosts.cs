using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Handlers;
using Tributary.Handlers.AzureBlob.Hosting;
using Tributary.Handlers.AzureBlob.Options;
using Tributary.Hosting;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>Hosts that register the Azure Blob handler with one of the <see cref="AzureBlobCredentialForm"/>s, on Azurite.</summary>
public static class AzureBlobHosts
{
    /// <summary>Sets the credential of <paramref name="form"/> on <paramref name="options"/>, for <paramref name="container"/>.</summary>
    /// <returns>The SAS token given to the host, or <see langword="null"/> for the account key.</returns>
    public static string? Configure(AzureBlobResultHandlerOptions options, AzuriteServer server, AzureBlobCredentialForm form, string container)
    {
        switch (form)
        {
            case AzureBlobCredentialForm.AccountKey:
                options.ConnectionString = server.ConnectionString;
                return null;
            case AzureBlobCredentialForm.SasConnectionString:
                var account = AzuriteSas.Account();
                options.ConnectionString = AzuriteSas.ConnectionString(server, account);
                return account;
            case AzureBlobCredentialForm.SasContainerUri:
                var scoped = AzuriteSas.Container(container);
                options.ContainerUri = AzuriteSas.ContainerUri(server, container, scoped);
                return scoped;
            default:
                throw new ArgumentOutOfRangeException(nameof(form), form, null);
        }
    }

    /// <summary>A host's handler catalog with the handler registered in <paramref name="form"/>.</summary>
    /// <param name="server">The Azurite server.</param>
    /// <param name="form">The credential form.</param>
    /// <param name="container">The container a SAS container URI is for.</param>
    /// <param name="sas">The SAS token the host was given, or <see langword="null"/> for the account key.</param>
    /// <param name="configure">Changes the options after the credential is set.</param>
    public static IResultHandlerCatalog Catalog(
        AzuriteServer server, AzureBlobCredentialForm form, string container, out string? sas, Action<AzureBlobResultHandlerOptions>? configure = null)
    {
        string? given = null;
        var services = new ServiceCollection()
            .AddAzureBlobResultHandler(options =>
            {
                given = Configure(options, server, form, container);
                configure?.Invoke(options);
            })
            .BuildServiceProvider();
        // The options are configured (and validated) when first read, as a host's start reads them.
        _ = services.GetRequiredService<IOptions<AzureBlobResultHandlerOptions>>().Value;
        sas = given;
        return services.GetRequiredService<IResultHandlerCatalog>();
    }

    /// <summary>A host's handler catalog with the handler registered with the account key's connection string.</summary>
    public static IResultHandlerCatalog Catalog(AzuriteServer server) =>
        new ServiceCollection()
            .AddAzureBlobResultHandler(options => options.ConnectionString = server.ConnectionString)
            .BuildServiceProvider()
            .GetRequiredService<IResultHandlerCatalog>();

    /// <summary>Creates <paramref name="container"/> with the account key (a container SAS cannot create it).</summary>
    public static async Task CreateContainerAsync(AzuriteServer server, string container) =>
        await new BlobServiceClient(server.ConnectionString).GetBlobContainerClient(container).CreateIfNotExistsAsync();
}
