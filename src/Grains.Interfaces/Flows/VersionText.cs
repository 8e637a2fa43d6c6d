using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tributary.Flows;

/// <summary>
/// The canonical text a flow version is the hash of: one <c>key length:value</c> line per fact, so that no two
/// different sequences of facts give the same text.
/// </summary>
internal sealed class VersionText
{
    // The most characters encoded at once when hashing.
    private const int ChunkChars = 4096;

    private readonly StringBuilder _text = new();

    /// <summary>Adds a fact; <see langword="null"/> is written as <c>-</c>, distinct from any value.</summary>
    public void Add(string key, string? value)
    {
        _text.Append(key).Append(' ');
        if (value is null)
        {
            _text.Append('-');
        }
        else
        {
            _text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        }

        _text.Append('\n');
    }

    /// <summary>Adds facts already written as lines by another <see cref="VersionText"/> (its <see cref="ToString"/>).</summary>
    public void AddLines(string lines) => _text.Append(lines);

    /// <summary>Adds a number.</summary>
    public void Add(string key, long value) => Add(key, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a flag that may be unset.</summary>
    public void Add(string key, bool? value) => Add(key, value is null ? null : value.Value ? "true" : "false");

    /// <summary>The first 8 bytes of the text's SHA-256 (of its UTF-8), as 16 lowercase hex digits.</summary>
    /// <remarks>
    /// The text is hashed chunk by chunk as the builder holds it, through one UTF-8 encoder (which carries a surrogate
    /// pair split between chunks), so a flow of 10,000 tasks does not copy its megabytes of text into one string and
    /// one byte array first. The bytes hashed are those of the whole text encoded at once.
    /// </remarks>
    public string Hash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var encoder = Encoding.UTF8.GetEncoder();
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(ChunkChars)];
        foreach (var chunk in _text.GetChunks())
        {
            for (var start = 0; start < chunk.Length; start += ChunkChars)
            {
                var part = chunk.Span.Slice(start, Math.Min(ChunkChars, chunk.Length - start));
                var count = encoder.GetBytes(part, bytes, flush: false);
                hash.AppendData(bytes, 0, count);
            }
        }

        hash.AppendData(bytes, 0, encoder.GetBytes(ReadOnlySpan<char>.Empty, bytes, flush: true));
        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 8));
    }

    /// <inheritdoc />
    public override string ToString() => _text.ToString();
}
