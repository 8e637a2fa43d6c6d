using Amazon.Runtime;

namespace Tributary.Handlers.S3;

/// <summary>Names the endpoint a client talks to, as messages may show it: scheme, host, port and path only.</summary>
internal static class S3Endpoint
{
    /// <summary>The client's service URL without user information or query, or Amazon S3 with its region.</summary>
    public static string Describe(IClientConfig config)
    {
        if (!string.IsNullOrEmpty(config.ServiceURL))
        {
            return Uri.TryCreate(config.ServiceURL, UriKind.Absolute, out var uri)
                ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/')
                : "(an S3 endpoint whose URL does not parse)";
        }

        return config.RegionEndpoint is { } region ? $"Amazon S3 ({region.SystemName})" : "Amazon S3 (the SDK's default region)";
    }
}
