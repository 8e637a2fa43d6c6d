using System.Security.Cryptography;
using System.Text;
using Tributary.Flows;

namespace Tributary.Tests.Flows;

/// <summary>The version hash, taken chunk by chunk, is the hash of the whole text: versions did not move when it stopped copying the text.</summary>
public sealed class VersionTextTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5_000)]
    public void Hash_LongTextWithSurrogatePairs_IsTheSha256OfTheWholeTextInUtf8(int facts)
    {
        var text = new VersionText();
        for (var i = 0; i < facts; i++)
        {
            // Odd lengths move the pairs across every chunk boundary the builder and the encoder have.
            text.Add("task", $"t{i} {new string('x', i % 7)}😀é{i}");
        }

        var whole = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 8));

        Assert.Equal(whole, text.Hash());
    }
}
