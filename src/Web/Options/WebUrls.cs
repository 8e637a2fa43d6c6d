using System.Net;

namespace Tributary.Web.Options;

/// <summary>Reads the host of a listening URL as ASP.NET Core does (<c>*</c> and <c>+</c> mean every address).</summary>
public static class WebUrls
{
    /// <summary>Whether a URL listens on a loopback address only: <c>localhost</c>, <c>127.x.x.x</c> or <c>[::1]</c>.</summary>
    /// <param name="url">A URL such as <c>http://127.0.0.1:8080</c>.</param>
    /// <returns><see langword="false"/> for any other host, and for something that is not an http(s) URL.</returns>
    public static bool IsLoopback(string url) =>
        TryGetHost(url, out var host)
        && (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address)));

    /// <summary>The host part of an http(s) URL, brackets of an IPv6 address removed.</summary>
    /// <param name="url">The URL.</param>
    /// <param name="host">The host; empty when the URL is not one.</param>
    /// <returns>Whether <paramref name="url"/> is an http or https URL with a host.</returns>
    public static bool TryGetHost(string url, out string host)
    {
        host = string.Empty;
        ArgumentNullException.ThrowIfNull(url);
        // Not Uri: "http://*:8080" and "http://+:8080" are valid listening URLs but not valid URIs.
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0 || url[..scheme] is not ("http" or "https"))
        {
            return false;
        }

        var rest = url[(scheme + 3)..];
        var end = rest.IndexOf('/');
        var authority = end < 0 ? rest : rest[..end];
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            host = close > 0 ? authority[1..close] : string.Empty;
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
        }

        return host.Length > 0;
    }
}
