using System.Text.RegularExpressions;

namespace Tributary.Handlers.S3;

/// <summary>Checks the names the handler puts in keys and locations: bucket names and key prefixes.</summary>
internal static partial class S3Names
{
    /// <summary>
    /// Why <paramref name="bucket"/> is not a valid bucket name, or <see langword="null"/> when it is: 3 to 63 lowercase
    /// letters, digits, dots and hyphens, starting and ending with a letter or a digit, with no two dots in a row.
    /// </summary>
    public static string? BucketProblem(string? bucket)
    {
        if (string.IsNullOrWhiteSpace(bucket))
        {
            return "is empty";
        }

        return BucketPattern().IsMatch(bucket) && !bucket.Contains("..", StringComparison.Ordinal)
            ? null
            : $"is '{bucket}', not a valid bucket name (3 to 63 lowercase letters, digits, '.' and '-', starting and ending with a letter or a digit)";
    }

    /// <summary>
    /// Why <paramref name="prefix"/> is not a usable key prefix, or <see langword="null"/> when it is: letters, digits
    /// and <c>- _ . /</c>, not starting with <c>/</c>. Such keys need no escaping in a location.
    /// </summary>
    public static string? PrefixProblem(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return null;
        }

        return PrefixPattern().IsMatch(prefix) && prefix[0] != '/' && prefix.Length <= 512
            ? null
            : $"is '{prefix}': use at most 512 letters, digits, '-', '_', '.' and '/', not starting with '/'";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex BucketPattern();

    [GeneratedRegex("^[A-Za-z0-9._/-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();
}
