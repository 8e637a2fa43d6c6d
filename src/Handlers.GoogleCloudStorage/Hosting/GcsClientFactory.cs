using Google.Apis.Auth.OAuth2;
using Google.Cloud.Storage.V1;
using Tributary.Handlers.GoogleCloudStorage.Options;

namespace Tributary.Handlers.GoogleCloudStorage.Hosting;

/// <summary>Builds the Cloud Storage client that <see cref="GcsResultHandlerOptions"/> describe.</summary>
internal static class GcsClientFactory
{
    /// <summary>The client: the endpoint, the credential (a key file, none for an emulator, or Application Default Credentials) and the request timeout.</summary>
    /// <param name="options">Validated options.</param>
    /// <param name="baseUri">The normalized base URI, or <see langword="null"/> for the public endpoint.</param>
    public static StorageClient Create(GcsResultHandlerOptions options, Uri? baseUri)
    {
        var builder = new StorageClientBuilder();
        if (baseUri is not null)
        {
            builder.BaseUri = baseUri.ToString();
        }

        if (options.UnauthenticatedAccess)
        {
            builder.UnauthenticatedAccess = true;
        }
        else if (!string.IsNullOrWhiteSpace(options.CredentialsPath))
        {
            builder.GoogleCredential = LoadServiceAccount(options.CredentialsPath);
        }

        var client = builder.Build();
        if (options.RequestTimeout is { } timeout)
        {
            client.Service.HttpClient.Timeout = timeout;
        }

        return client;
    }

    /// <summary>Reads a service-account key file; the message of a failure names the setting, never the file's content.</summary>
    /// <exception cref="InvalidOperationException">The file is not a service-account key.</exception>
    public static GoogleCredential LoadServiceAccount(string path)
    {
        try
        {
            return CredentialFactory.FromFile<ServiceAccountCredential>(path).ToGoogleCredential();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or Newtonsoft.Json.JsonException or FormatException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException(
                $"{GcsResultHandlerOptions.SectionName}:{nameof(GcsResultHandlerOptions.CredentialsPath)} is '{path}', which is not a "
                + "service-account key file (JSON with type 'service_account', client_email and private_key).",
                ex);
        }
    }
}
