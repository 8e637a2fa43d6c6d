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

    /// <summary>The first 8 bytes of the text's SHA-256, as 16 lowercase hex digits.</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_text.ToString())).AsSpan(0, 8));

    /// <inheritdoc />
    public override string ToString() => _text.ToString();
}
