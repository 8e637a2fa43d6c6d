using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Tributary.Handlers.S3.Options;

/// <summary>
/// Checks <see cref="S3ResultHandlerOptions"/>: a valid bucket and prefix, an endpoint (a service URL or a region), a
/// whole credential or none. Messages name the setting by its configuration key and never repeat a credential.
/// </summary>
internal sealed partial class S3ResultHandlerOptionsValidator : IValidateOptions<S3ResultHandlerOptions>
{
    private const string Section = S3ResultHandlerOptions.SectionName;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, S3ResultHandlerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (S3Names.BucketProblem(options.Bucket) is { } bucket)
        {
            failures.Add($"{Key(nameof(options.Bucket))} {bucket}: set it to the bucket results are written to (it must exist).");
        }

        if (S3Names.PrefixProblem(options.Prefix) is { } prefix)
        {
            failures.Add($"{Key(nameof(options.Prefix))} {prefix}.");
        }

        failures.AddRange(CheckEndpoint(options));
        if (CheckCredential(options) is { } credential)
        {
            failures.Add(credential);
        }

        if (options.RequestTimeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            failures.Add($"{Key(nameof(options.RequestTimeout))} is {timeout}: it must be positive (or unset for the SDK's default).");
        }

        if (options.MaxErrorRetry is < 0)
        {
            failures.Add($"{Key(nameof(options.MaxErrorRetry))} is {options.MaxErrorRetry}: it must be 0 or more (or unset for the SDK's default).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> CheckEndpoint(S3ResultHandlerOptions options)
    {
        // Amazon S3's regions look like 'eu-west-1'; another store may sign for a name of its own ('auto', 'garage').
        var forAmazon = string.IsNullOrWhiteSpace(options.ServiceUrl);
        if (!string.IsNullOrWhiteSpace(options.Region) && !(forAmazon ? AwsRegionPattern() : OtherRegionPattern()).IsMatch(options.Region))
        {
            yield return forAmazon
                ? $"{Key(nameof(options.Region))} is '{options.Region}', not an AWS region name such as 'eu-west-1'."
                : $"{Key(nameof(options.Region))} is '{options.Region}': use lowercase letters, digits and '-'.";
        }

        if (forAmazon)
        {
            if (string.IsNullOrWhiteSpace(options.Region))
            {
                yield return $"The S3 handler needs an endpoint: set {Key(nameof(options.Region))} for Amazon S3 (e.g. 'eu-west-1'), or "
                    + $"{Key(nameof(options.ServiceUrl))} for another S3-compatible store.";
            }

            yield break;
        }

        // The URL is not repeated whole: user information in it would be a credential.
        if (!Uri.TryCreate(options.ServiceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"{Key(nameof(options.ServiceUrl))} must be an absolute http(s) URL such as 'https://s3.example.com' or 'http://127.0.0.1:9000'.";
        }
        else if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            yield return $"{Key(nameof(options.ServiceUrl))} must be a plain URL with no user information, query or fragment "
                + $"(put credentials in {Key(nameof(options.AccessKey))} and {Key(nameof(options.SecretKey))}).";
        }
    }

    private static string? CheckCredential(S3ResultHandlerOptions options)
    {
        var hasAccessKey = !string.IsNullOrEmpty(options.AccessKey);
        var hasSecretKey = !string.IsNullOrEmpty(options.SecretKey);
        if (hasAccessKey != hasSecretKey)
        {
            var (set, missing) = hasAccessKey ? (nameof(options.AccessKey), nameof(options.SecretKey)) : (nameof(options.SecretKey), nameof(options.AccessKey));
            return $"{Key(set)} is set but {Key(missing)} is not: set both, or neither to use the AWS SDK's default credential chain.";
        }

        return !hasAccessKey && !string.IsNullOrEmpty(options.SessionToken)
            ? $"{Key(nameof(options.SessionToken))} is set without {Key(nameof(options.AccessKey))} and {Key(nameof(options.SecretKey))}: "
                + "a session token belongs to temporary credentials, which need all three."
            : null;
    }

    private static string Key(string member) => $"{Section}:{member}";

    [GeneratedRegex("^[a-z]{2}(-[a-z0-9]+)+-[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex AwsRegionPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex OtherRegionPattern();
}
