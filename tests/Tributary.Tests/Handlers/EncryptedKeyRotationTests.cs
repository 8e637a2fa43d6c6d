using Tributary.Handlers.Encryption;
using Tributary.Results;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>
/// Key rotation: results written under k1 stay readable when k2 becomes active; re-encryption rewraps them under k2 in
/// place, after which their recorded safe values read with k1 gone from the ring.
/// </summary>
public sealed class EncryptedKeyRotationTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly EncryptionTestKeys _keys = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Rotation_WriteK1_ActivateK2_ReencryptThenDropK1_ReadsThroughTheSameSafeValue()
    {
        var stored = (SafeResult)await Result.Create("rotated secret", _keys.Local(_directory.Path, "k1", "k1")).StoreSafeValueAsync();
        var path = EncryptedLocation.Parse(Json(stored), stored.Handler).Inner!.GetValue<string>();

        // k2 active, k1 still in the ring: the old result reads; new ones are written under k2.
        var rotated = _keys.Local(_directory.Path, "k2", "k1", "k2");
        Assert.Equal("rotated secret", await rotated.ReadAsync(Json(stored), typeof(string)));
        var fresh = await rotated.WriteAsync("new secret", typeof(string));
        Assert.Equal("k2", fresh!["keyId"]!.GetValue<string>());

        // Dry run: says what it would do and writes nothing.
        var before = await File.ReadAllBytesAsync(path);
        var dry = await rotated.ReencryptAsync(Json(stored), dryRun: true);
        Assert.Equal(new ResultReencryption(path, "k1", "k2", ReencryptionOutcome.WouldReencrypt), dry);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));

        var done = await rotated.ReencryptAsync(Json(stored));
        Assert.Equal(new ResultReencryption(path, "k1", "k2", ReencryptionOutcome.Reencrypted), done);
        Assert.Equal(ReencryptionOutcome.Current, (await rotated.ReencryptAsync(Json(stored))).Outcome);
        Assert.Equal(ReencryptionOutcome.Current, (await rotated.ReencryptAsync(fresh)).Outcome);

        // k1 removed: the safe value recorded before (still naming k1) reads, since the header's key id counts.
        var catalog = _keys.Catalog("k2", "k2");
        Assert.Equal("k1", EncryptedLocation.Parse(Json(stored), stored.Handler).KeyId);
        Assert.Equal("rotated secret", (await stored.ToResultAsync<string>(catalog)).Value);
        var withoutK1 = _keys.Local(_directory.Path, "k2", "k2");
        Assert.Equal("new secret", await withoutK1.ReadAsync(fresh, typeof(string)));
        // And k1 alone no longer reads it: the object really is under k2 now.
        var error = await Assert.ThrowsAsync<EncryptedResultException>(() => _keys.Local(_directory.Path, "k1", "k1").ReadAsync(Json(stored), typeof(string)));
        Assert.Equal("k2", error.KeyId);
    }

    [Fact]
    public async Task ReencryptAsync_OldKeyNotInRing_ThrowsNamingKeyIdAndWritesNothing()
    {
        var location = await _keys.Local(_directory.Path, "k1", "k1").WriteAsync("secret", typeof(string));
        var path = location!["inner"]!.GetValue<string>();
        var before = await File.ReadAllBytesAsync(path);

        var error = await Assert.ThrowsAsync<EncryptedResultException>(() => _keys.Local(_directory.Path, "k2", "k2").ReencryptAsync(location));

        Assert.Equal("k1", error.KeyId);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task ReencryptAsync_LocationGone_ThrowsNotFoundNamingTheFile()
    {
        var location = await _keys.Local(_directory.Path, "k1", "k1").WriteAsync("secret", typeof(string));
        var path = location!["inner"]!.GetValue<string>();
        File.Delete(path);

        var error = await Assert.ThrowsAsync<Tributary.Handlers.ResultLocationNotFoundException>(
            () => _keys.Local(_directory.Path, "k2", "k1", "k2").ReencryptAsync(location));

        Assert.Equal(path, error.Location);
        Assert.False(File.Exists(path)); // nothing was created in its place
    }

    private static System.Text.Json.Nodes.JsonNode? Json(SafeResult safe) => System.Text.Json.Nodes.JsonNode.Parse(safe.Json);
}
