using System.Text.Json.Nodes;
using Tributary.Handlers.GoogleCloudStorage;
using Tributary.Results;
using Tributary.Storage;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>
/// A host with a service-account key file (<c>Tributary:Gcs:CredentialsPath</c>) presents tokens signed with the key;
/// neither the key nor a token reaches a descriptor or a safe value, and a host without them is refused.
/// </summary>
[Collection(GcsCollection.Name)]
public sealed class GcsResultHandlerCredentialTests(GcsFixture gcs)
{
    private readonly GcsTestServer _server = gcs.Server;

    [Fact]
    public async Task WriteAndRead_WithKeyFile_PresentsSignedTokensAndStoresNoCredential()
    {
        using var directory = new TempDirectory();
        var (keyFile, publicKey) = GcsResultHandlerOptionsTests.WriteKeyFile(directory.Path);
        _server.TrustKey(publicKey);
        var bucket = _server.CreateBucket(requireToken: true);
        var catalog = GcsHosts.Catalog(_server, bucket, options =>
        {
            options.UnauthenticatedAccess = false;
            options.CredentialsPath = keyFile;
        });
        var handler = catalog.GetHandler(GcsHosts.Descriptor(_server, bucket));

        var safe = (SafeResult)await Result.Create("private value", handler).StoreSafeValueAsync();
        var back = await safe.ToResultAsync<string>(catalog);

        Assert.Equal("private value", back.Value);
        // The bucket admits only tokens its trusted key verifies: every call but a session's chunks carried one.
        var calls = _server.RequestsFor(bucket);
        Assert.All(calls, call => Assert.Equal(200, call.Status));
        Assert.All(calls.Where(r => r.Operation != "upload-chunk"), r => Assert.StartsWith("Bearer ", r.Authorization, StringComparison.Ordinal));
        var token = calls.First(r => r.Authorization is not null).Authorization!["Bearer ".Length..];
        var privateKey = JsonNode.Parse(await File.ReadAllTextAsync(keyFile))!["private_key"]!.GetValue<string>().Split('\n')[1];
        foreach (var secret in new[] { token, token.Split('.')[2], privateKey, keyFile })
        {
            Assert.DoesNotContain(secret, safe.Json, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, safe.Handler.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReadAsync_HostWithoutCredentials_IsRefusedWithAPermanentError()
    {
        var bucket = _server.CreateBucket(requireToken: true);
        var anonymous = GcsHosts.Catalog(_server, bucket).GetHandler(GcsHosts.Descriptor(_server, bucket));

        var error = await Assert.ThrowsAsync<GcsRequestException>(() => anonymous.ReadAsync(JsonValue.Create($"gs://{bucket}/any.json"), typeof(string)));

        Assert.Equal(401, error.Status);
        Assert.False(TransientFaults.IsTransient(error));
    }

    [Fact]
    public async Task WriteAsync_KeyTheServiceDoesNotTrust_IsRefusedWithAPermanentError()
    {
        using var directory = new TempDirectory();
        var (keyFile, _) = GcsResultHandlerOptionsTests.WriteKeyFile(directory.Path); // never trusted
        var bucket = _server.CreateBucket(requireToken: true);
        var handler = GcsHosts.Catalog(_server, bucket, options =>
        {
            options.UnauthenticatedAccess = false;
            options.CredentialsPath = keyFile;
        }).GetHandler(GcsHosts.Descriptor(_server, bucket));

        var error = await Assert.ThrowsAsync<GcsRequestException>(() => handler.WriteAsync("v", typeof(string)));

        Assert.Equal(401, error.Status);
        Assert.False(TransientFaults.IsTransient(error));
    }
}
