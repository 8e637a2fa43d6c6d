namespace Tributary.Handlers.AzureBlob;

/// <summary>
/// Turns a blob or container URI into text that may be stored or shown: scheme, host, port and path only. The query
/// (where a SAS token lives), the fragment and any user information are dropped.
/// </summary>
internal static class SafeUri
{
    /// <summary>The URI without its query, fragment or user information.</summary>
    public static string WithoutQuery(Uri uri) =>
        uri.IsAbsoluteUri
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : WithoutQuery(uri.OriginalString);

    /// <summary>
    /// Text that may or may not be a URI (a location given to a read), cut before its first <c>?</c> or <c>#</c>, so
    /// that an error message naming it cannot carry a token.
    /// </summary>
    public static string WithoutQuery(string text)
    {
        var end = text.AsSpan().IndexOfAny('?', '#');
        return end < 0 ? text : text[..end];
    }
}
