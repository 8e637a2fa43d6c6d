using System.Web;

namespace Tributary.Handlers.AzureBlob;

/// <summary>Reads what the options need to know about a SAS token: where it is and whether it is a service SAS.</summary>
internal static class SasQuery
{
    private const string SharedAccessSignatureKey = "SharedAccessSignature";

    /// <summary>The <c>SharedAccessSignature</c> part of a connection string, or <see langword="null"/> when it has none.</summary>
    public static string? FromConnectionString(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part[..equals].Trim().Equals(SharedAccessSignatureKey, StringComparison.OrdinalIgnoreCase))
            {
                return part[(equals + 1)..];
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a SAS token (with or without its leading <c>?</c>) is a service SAS: it names a signed resource
    /// (<c>sr=c</c> for a container, <c>sr=b</c> for a blob), so it reaches that resource only and cannot create
    /// containers. An account SAS has <c>srt=</c> instead.
    /// </summary>
    public static bool IsServiceSas(string? token) =>
        !string.IsNullOrEmpty(token) && !string.IsNullOrEmpty(HttpUtility.ParseQueryString(token)["sr"]);
}
