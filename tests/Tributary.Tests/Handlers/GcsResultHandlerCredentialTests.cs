using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Handlers.GoogleCloudStorage;
using Tributary.Results;
using Tributary.Storage;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>
/// A host with a service-account key file (<c>Tributary:Gcs:CredentialsPath</c>) presents a token it obtained with the
/// key; neither the key nor the token reaches a descriptor or a safe value, and a host without them is refused.
/// </summary>
[Collection(GcsCollection.Name)]
public sealed class GcsResultHandlerCredentialTests(GcsFixture gcs)
{
    private readonly GcsTestServer _server = gcs.Server;

    [Fact]
    public async Task WriteAndRead_WithKeyFile_PresentsTheTokenAndStoresNoCredential()
    {
        using var directory = new TempDirectory();
        // The key's token endpoint is the test server, which hands out GcsTestServer.AccessToken.
        var keyFile = GcsResultHandlerOptionsTests.WriteKeyFile(directory.Path, new Uri(_server.Root, "/token").ToString());
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
        Assert.Contains(_server.Requests, r => r.Operation == "token");
        Assert.All(_server.RequestsFor(bucket).Where(r => r.Operation != "upload-chunk"), r => Assert.Equal($"Bearer {GcsTestServer.AccessToken}", r.Authorization));
        var key = await File.ReadAllTextAsync(keyFile);
        var privateKey = JsonNode.Parse(key)!["private_key"]!.GetValue<string>().Split('\n')[1];
        foreach (var secret in new[] { GcsTestServer.AccessToken, privateKey, keyFile })
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
}
