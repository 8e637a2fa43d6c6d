using Azure.Storage;

namespace Tributary.Tests.Infrastructure;

/// <summary>The development storage account's shared key, for tests that touch blobs directly.</summary>
public static class AzuriteCredential
{
    /// <summary>The shared key credential of <see cref="AzuriteServer.AccountName"/>.</summary>
    public static StorageSharedKeyCredential Key { get; } = new(AzuriteServer.AccountName, AzuriteServer.AccountKey);
}
