using Google.Cloud.Storage.V1;
using Microsoft.Extensions.Options;

namespace Tributary.Handlers.GoogleCloudStorage.Options;

/// <summary>
/// Checks <see cref="GcsResultHandlerOptions"/>: a valid bucket, a usable base URI, at most one credential form, and a
/// key file that exists. Messages name the setting by its configuration key and never repeat a credential.
/// </summary>
internal sealed class GcsResultHandlerOptionsValidator : IValidateOptions<GcsResultHandlerOptions>
{
    private const string Section = GcsResultHandlerOptions.SectionName;
    private const string BucketKey = $"{Section}:{nameof(GcsResultHandlerOptions.Bucket)}";
    private const string BaseUriKey = $"{Section}:{nameof(GcsResultHandlerOptions.BaseUri)}";
    private const string CredentialsPathKey = $"{Section}:{nameof(GcsResultHandlerOptions.CredentialsPath)}";
    private const string UnauthenticatedKey = $"{Section}:{nameof(GcsResultHandlerOptions.UnauthenticatedAccess)}";
    private const string ChunkSizeKey = $"{Section}:{nameof(GcsResultHandlerOptions.ChunkSize)}";
    private const string RequestTimeoutKey = $"{Section}:{nameof(GcsResultHandlerOptions.RequestTimeout)}";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GcsResultHandlerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (GcsResultHandlers.CheckBucketName(options.Bucket) is { } bucketProblem)
        {
            failures.Add(string.IsNullOrWhiteSpace(options.Bucket)
                ? $"The Google Cloud Storage result handler needs a bucket: set {BucketKey} (an existing bucket's name)."
                : $"{BucketKey} '{options.Bucket}' is not a valid bucket name: {bucketProblem}");
        }

        if (options.BaseUri is { } baseUri && GcsResultHandlers.CheckBaseUri(baseUri) is { } uriProblem)
        {
            failures.Add($"{BaseUriKey} {uriProblem}");
        }

        if (CheckCredential(options) is { } credentialProblem)
        {
            failures.Add(credentialProblem);
        }

        if (options.ChunkSize is { } chunk && (chunk <= 0 || chunk % UploadObjectOptions.MinimumChunkSize != 0))
        {
            failures.Add($"{ChunkSizeKey} is {chunk}, but must be a positive multiple of {UploadObjectOptions.MinimumChunkSize} (256 KiB).");
        }

        if (options.RequestTimeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            failures.Add($"{RequestTimeoutKey} is {timeout}, but must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? CheckCredential(GcsResultHandlerOptions options)
    {
        var hasPath = !string.IsNullOrWhiteSpace(options.CredentialsPath);
        if (options.UnauthenticatedAccess)
        {
            if (hasPath)
            {
                return $"Set either {CredentialsPathKey} or {UnauthenticatedKey}, not both.";
            }

            return options.BaseUri is null
                ? $"{UnauthenticatedKey} is true, which sends no credential: it is meant for an emulator, so set {BaseUriKey} to the emulator's URI too."
                : null;
        }

        if (!hasPath)
        {
            return null; // Application Default Credentials, found (or not) when the client is built
        }

        if (!File.Exists(options.CredentialsPath))
        {
            return $"{CredentialsPathKey} is '{options.CredentialsPath}', but there is no such file (a service-account key file, JSON, is expected).";
        }

        try
        {
            _ = Hosting.GcsClientFactory.LoadServiceAccount(options.CredentialsPath!);
            return null;
        }
        catch (InvalidOperationException ex)
        {
            return ex.Message;
        }
    }
}
