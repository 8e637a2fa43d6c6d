using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Handlers;
using Tributary.Handlers.GoogleCloudStorage;
using Tributary.Handlers.GoogleCloudStorage.Hosting;
using Tributary.Handlers.GoogleCloudStorage.Options;
using Tributary.Hosting;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>The Cloud Storage handler's settings are checked before use, with errors that name the setting's key.</summary>
public sealed class GcsResultHandlerOptionsTests
{
    private static readonly Uri Emulator = new("http://127.0.0.1:9/storage/v1/");

    [Fact]
    public void Validate_NoBucket_ThrowsNamingTheBucketKey()
    {
        var error = Validate(options => options.UnauthenticatedAccess = false);

        Assert.Contains("Tributary:Gcs:Bucket", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Results")]
    [InlineData("ab")]
    [InlineData("-results")]
    [InlineData("results/2026")]
    public void Validate_InvalidBucketName_ThrowsNamingTheKeyAndTheName(string bucket)
    {
        var error = Validate(options => options.Bucket = bucket);

        var failure = Assert.Single(error.Failures);
        Assert.Contains("Tributary:Gcs:Bucket", failure, StringComparison.Ordinal);
        Assert.Contains($"'{bucket}'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnauthenticatedWithoutBaseUri_ThrowsNamingBoth()
    {
        var error = Validate(options =>
        {
            options.Bucket = "results";
            options.UnauthenticatedAccess = true;
        });

        var failure = Assert.Single(error.Failures);
        Assert.Contains("Tributary:Gcs:UnauthenticatedAccess", failure, StringComparison.Ordinal);
        Assert.Contains("Tributary:Gcs:BaseUri", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeyFileAndUnauthenticated_ThrowsNamingBoth()
    {
        using var directory = new TempDirectory();
        var error = Validate(options =>
        {
            options.Bucket = "results";
            options.BaseUri = Emulator;
            options.UnauthenticatedAccess = true;
            options.CredentialsPath = WriteKeyFile(directory.Path).Path;
        });

        var failure = Assert.Single(error.Failures);
        Assert.Contains("Tributary:Gcs:CredentialsPath", failure, StringComparison.Ordinal);
        Assert.Contains("Tributary:Gcs:UnauthenticatedAccess", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingKeyFile_ThrowsNamingTheKeyAndThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-key-{Guid.NewGuid():N}.json");

        var error = Validate(options =>
        {
            options.Bucket = "results";
            options.CredentialsPath = path;
        });

        var failure = Assert.Single(error.Failures);
        Assert.Contains("Tributary:Gcs:CredentialsPath", failure, StringComparison.Ordinal);
        Assert.Contains(path, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeyFileThatIsNotAServiceAccountKey_ThrowsWithoutRepeatingItsContent()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "key.json");
        const string Secret = "not-a-key-but-secret-1234567890";
        File.WriteAllText(path, JsonSerializer.Serialize(new { type = "authorized_user", client_secret = Secret }));

        var error = Validate(options =>
        {
            options.Bucket = "results";
            options.CredentialsPath = path;
        });

        var failure = Assert.Single(error.Failures);
        Assert.Contains("Tributary:Gcs:CredentialsPath", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/storage/v1/")]
    [InlineData("http://user:secret@127.0.0.1:9/storage/v1/")]
    public void Validate_UnusableBaseUri_ThrowsNamingTheKey(string uri)
    {
        var error = Validate(options =>
        {
            options.Bucket = "results";
            options.BaseUri = new Uri(uri);
        });

        var failure = Assert.Single(error.Failures);
        Assert.Contains("Tributary:Gcs:BaseUri", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void Validate_ChunkSizeNotAMultipleOf256KiB_ThrowsNamingTheKey(int chunkSize)
    {
        var error = Validate(options =>
        {
            options.Bucket = "results";
            options.BaseUri = Emulator;
            options.UnauthenticatedAccess = true;
            options.ChunkSize = chunkSize;
        });

        Assert.Contains("Tributary:Gcs:ChunkSize", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void GetHandler_DescriptorWithAnotherBaseUri_IsRefusedNamingBoth()
    {
        var catalog = GcsHosts.Catalog(Emulator, "results");
        var elsewhere = GcsResultHandlers.Bucket("results", baseUri: new Uri("https://storage.example.test/storage/v1/"));

        var error = Assert.Throws<ArgumentException>(() => catalog.GetHandler(elsewhere));

        Assert.Contains("https://storage.example.test/storage/v1/", error.Message, StringComparison.Ordinal);
        Assert.Contains("Tributary:Gcs:BaseUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetHandler_DescriptorNamingNoBucket_WritesToTheHostsBucketAndPrefix()
    {
        var catalog = GcsHosts.Catalog(Emulator, "host-bucket", options => options.Prefix = "host/");

        var handler = Assert.IsType<GcsResultHandler>(catalog.GetHandler(new ResultHandlerDescriptor(GcsResultHandlers.Kind)));

        Assert.Equal("host-bucket", handler.Bucket);
        // The handler's own descriptor is complete, so another host rebuilds exactly this one.
        Assert.Equal(GcsResultHandlers.Bucket("host-bucket", "host/", Emulator), handler.Descriptor);
    }

    [Fact]
    public void Bucket_InvalidName_ThrowsArgumentExceptionNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => GcsResultHandlers.Bucket("Not_Valid!"));

        Assert.Contains("'Not_Valid!'", error.Message, StringComparison.Ordinal);
        Assert.Equal("bucket", error.ParamName);
    }

    /// <summary>
    /// A service-account key file with a fresh RSA key, and the key's public half. Its token endpoint is a closed port:
    /// the client library signs its own tokens with the key (self-signed JWTs) and never calls it.
    /// </summary>
    internal static (string Path, byte[] PublicKey) WriteKeyFile(string directory)
    {
        using var rsa = RSA.Create(2048);
        var path = Path.Combine(directory, $"key-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["project_id"] = "tributary-tests",
            ["private_key_id"] = "test-key",
            ["private_key"] = rsa.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = "results@tributary-tests.iam.gserviceaccount.com",
            ["client_id"] = "1",
            ["token_uri"] = "http://127.0.0.1:9/token",
        }));
        return (path, rsa.ExportSubjectPublicKeyInfo());
    }

    private static OptionsValidationException Validate(Action<GcsResultHandlerOptions> configure)
    {
        var services = new ServiceCollection().AddGcsResultHandler(configure).AddResultHandlerCatalog().BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GcsResultHandlerOptions>>().Value);
    }
}
