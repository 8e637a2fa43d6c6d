using Tributary.Testing;
using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Tributary.Handlers;
using Tributary.Handlers.AzureBlob;
using Tributary.Handlers.AzureBlob.Options;
using Tributary.Results;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>
/// The three credential forms of the Azure Blob handler (account key, SAS connection string, SAS container URI): each
/// round-trips, none leaves a credential in a safe value, a descriptor or an error message, and a value written with
/// one form is read by a host configured with another.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobResultHandlerCredentialTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _container = $"credentials-{Guid.NewGuid():N}";

    public static TheoryData<AzureBlobCredentialForm> Forms => new(Enum.GetValues<AzureBlobCredentialForm>());

    public static TheoryData<AzureBlobCredentialForm, AzureBlobCredentialForm> FormPairs
    {
        get
        {
            var pairs = new TheoryData<AzureBlobCredentialForm, AzureBlobCredentialForm>();
            foreach (var writer in Enum.GetValues<AzureBlobCredentialForm>())
            {
                foreach (var reader in Enum.GetValues<AzureBlobCredentialForm>())
                {
                    pairs.Add(writer, reader);
                }
            }

            return pairs;
        }
    }

    // A container SAS cannot create its container: it exists beforehand, as an operator would have made it.
    public Task InitializeAsync() => AzureBlobHosts.CreateContainerAsync(azurite.Server, _container);

    public Task DisposeAsync() => Task.CompletedTask;

    // Guards a fixed bug: with a SAS credential, the safe value was blob.Uri.AbsoluteUri, with the sig= token in its query.
    [Theory]
    [MemberData(nameof(Forms))]
    public async Task StoreSafeValueAsync_CredentialForm_SafeValueAndDescriptorHoldNoCredential(AzureBlobCredentialForm form)
    {
        var catalog = AzureBlobHosts.Catalog(azurite.Server, form, _container, out var sas);
        var handler = catalog.GetHandler(ResultHandlers.AzureBlob(_container));

        var safe = (SafeResult)await Result.Create("credential-free", handler).StoreSafeValueAsync();
        var back = await new SafeResult(safe.Json, safe.Handler, safe.ValueTypeName).ToResultAsync<string>(catalog);

        Assert.Equal("credential-free", back.Value);
        var uri = new Uri(JsonNode.Parse(safe.Json)!.GetValue<string>());
        Assert.Equal(string.Empty, uri.Query);
        Assert.StartsWith($"{azurite.Server.BlobEndpoint}/{_container}/", uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(ResultHandlers.AzureBlob(_container), safe.Handler);
        foreach (var secret in Secrets(sas))
        {
            Assert.DoesNotContain(secret, safe.Json, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, safe.Handler.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, ((AzureBlobResultHandler)handler).ContainerUri, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(FormPairs))]
    public async Task ToResultAsync_WrittenWithOneCredentialFormReadWithAnother_GivesValue(AzureBlobCredentialForm writer, AzureBlobCredentialForm reader)
    {
        var writerHost = AzureBlobHosts.Catalog(azurite.Server, writer, _container, out _);
        var readerHost = AzureBlobHosts.Catalog(azurite.Server, reader, _container, out _);
        var stored = (SafeResult)await Result.Create(ConformanceSamples.SampleOrder($"{writer}-to-{reader}"), writerHost.GetHandler(ResultHandlers.AzureBlob(_container)))
            .StoreSafeValueAsync();

        // What reached the other host: text only, read with that host's own credentials.
        var back = await new SafeResult(stored.Json, stored.Handler, stored.ValueTypeName).ToResultAsync(readerHost);

        Assert.Equal(ConformanceSamples.SampleOrder($"{writer}-to-{reader}"), back.Value);
    }

    [Fact]
    public async Task ReadAsync_LocationWithSasQuery_ReadsWithOwnCredentialsAndErrorsOmitTheQuery()
    {
        // A safe value written before the query was dropped still carries a SAS: reads ignore it, errors do not repeat it.
        var writer = new AzureBlobResultHandler(new BlobServiceClient(azurite.ConnectionString), _container);
        var clean = (await writer.WriteAsync("old state", typeof(string)))!.GetValue<string>();
        var sas = AzuriteSas.Account();
        var reader = new AzureBlobResultHandler(new BlobContainerClient(AzuriteSas.ContainerUri(azurite.Server, _container, AzuriteSas.Container(_container))));

        var back = await reader.ReadAsync(JsonValue.Create($"{clean}?{sas}"), typeof(string));
        await writer.DeleteAsync(JsonValue.Create(clean));
        var gone = await Assert.ThrowsAsync<ResultLocationNotFoundException>(() => reader.ReadAsync(JsonValue.Create($"{clean}?{sas}"), typeof(string)));

        Assert.Equal("old state", back);
        Assert.Equal(clean, gone.Location);
        AssertHoldsNoSecret(gone, sas);
    }

    [Fact]
    public async Task Errors_OfSasConfiguredHandlers_HoldNoSignature()
    {
        var containerSas = AzuriteSas.Container(_container);
        var scoped = AzureBlobHosts.Catalog(azurite.Server, AzureBlobCredentialForm.SasContainerUri, _container, out _)
            .GetHandler(ResultHandlers.AzureBlob(_container));
        var readOnlySas = AzuriteSas.Container(_container, BlobContainerSasPermissions.Read);
        var readOnly = new AzureBlobResultHandler(new BlobContainerClient(AzuriteSas.ContainerUri(azurite.Server, _container, readOnlySas)));
        var elsewhere = $"{azurite.Server.BlobEndpoint}/other-{Guid.NewGuid():N}/x.json";
        var missing = $"{azurite.Server.BlobEndpoint}/{_container}/{Guid.NewGuid():N}.json";

        var errors = new[]
        {
            await Record.ExceptionAsync(() => scoped.ReadAsync(JsonValue.Create(missing), typeof(string))),
            await Record.ExceptionAsync(() => scoped.ReadAsync(JsonValue.Create($"{elsewhere}?{containerSas}"), typeof(string))),
            await Record.ExceptionAsync(() => scoped.ReadAsync(JsonValue.Create($"not a uri?{containerSas}"), typeof(string))),
            await Record.ExceptionAsync(() => scoped.ReadAsync(JsonValue.Create($"https://another.blob.core.windows.net/c/x.json?{containerSas}"), typeof(string))),
            await Record.ExceptionAsync(() => readOnly.WriteAsync("denied", typeof(string))),
        };

        Assert.IsType<ResultLocationNotFoundException>(errors[0]);
        Assert.IsType<ArgumentException>(errors[1]);
        Assert.IsType<ArgumentException>(errors[2]);
        Assert.IsType<ArgumentException>(errors[3]);
        Assert.Equal(403, Assert.IsType<RequestFailedException>(errors[4]).Status);
        Assert.All(errors, error => AssertHoldsNoSecret(error!, containerSas));
        Assert.All(errors, error => AssertHoldsNoSecret(error!, readOnlySas));
    }

    [Fact]
    public async Task WriteAsync_AccountSasThatCannotCreateContainers_ThrowsNamingTheSetting()
    {
        // Blobs only (srt=o): such a SAS cannot create a container, and nothing in it says so.
        var sas = AzuriteSas.Account(resourceTypes: AccountSasResourceTypes.Object);
        var handler = AzureBlobHosts.Catalog(azurite.Server, AzureBlobCredentialForm.AccountKey, _container, out _, options =>
            options.ConnectionString = AzuriteSas.ConnectionString(azurite.Server, sas))
            .GetHandler(ResultHandlers.AzureBlob($"uncreatable-{Guid.NewGuid():N}"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => handler.WriteAsync("v", typeof(string)));

        Assert.Contains($"{AzureBlobResultHandlerOptions.SectionName}:{nameof(AzureBlobResultHandlerOptions.CreateContainerIfMissing)}", error.Message, StringComparison.Ordinal);
        AssertHoldsNoSecret(error, sas);
    }

    [Fact]
    public async Task WriteAsync_ContainerSasAndMissingContainer_FailsWithoutTryingToCreateIt()
    {
        var absent = $"absent-{Guid.NewGuid():N}";
        var handler = AzureBlobHosts.Catalog(azurite.Server, AzureBlobCredentialForm.SasContainerUri, absent, out var sas)
            .GetHandler(ResultHandlers.AzureBlob(absent));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => handler.WriteAsync("v", typeof(string)));

        Assert.Equal(404, error.Status); // the upload's ContainerNotFound, not a 403 from an attempt to create it
        AssertHoldsNoSecret(error, sas!);
    }

    [Fact]
    public void GetHandler_ContainerUriHostAndDescriptorOfAnotherContainer_ThrowsNamingBothContainers()
    {
        var catalog = AzureBlobHosts.Catalog(azurite.Server, AzureBlobCredentialForm.SasContainerUri, _container, out var sas);

        var error = Assert.Throws<ArgumentException>(() => catalog.GetHandler(ResultHandlers.AzureBlob("another-container")));

        Assert.Contains("'another-container'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{_container}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Tributary:AzureBlob:ContainerUri", error.Message, StringComparison.Ordinal);
        AssertHoldsNoSecret(error, sas!);
    }

    private static IEnumerable<string> Secrets(string? sas) =>
        new[] { AzuriteServer.AccountKey, AzuriteServer.AccountKey[..20], "AccountKey", "sig=", "?" }
            .Concat(sas is null ? [] : AzuriteSas.SignatureForms(sas));

    private static void AssertHoldsNoSecret(Exception error, string sas)
    {
        var text = error.ToString();
        foreach (var secret in AzuriteSas.SignatureForms(sas).Append("sig=").Append(AzuriteServer.AccountKey))
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }
}
