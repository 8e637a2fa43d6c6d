using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Tributary.Bench.Workloads;

namespace Tributary.Bench.Baselines;

/// <summary>
/// The durable floor: per task, the least a checkpointed task must do. It writes its output as one blob and then its
/// state (the blob's URI) as one Azure Table upsert, on the same Azurite as the durable configuration, and returns the
/// output by value like the raw baseline. No state is read on activation (Orleans' persistent state would read it
/// first; a task Tributary starts for the first time does not).
/// </summary>
public sealed class FloorTaskGrain(BlobContainerClient container, TableClient table) : Grain, IRawTaskGrain
{
    /// <summary>The container its output blobs go to.</summary>
    public const string ContainerName = "bench-floor";

    /// <summary>The table its states go to.</summary>
    public const string TableName = "benchfloor";

    private int _attempts;

    public async Task<byte[]> RunAsync(byte[] input, bool failFirst)
    {
        if (failFirst && ++_attempts == 1)
        {
            throw new InvalidOperationException("fails once");
        }

        return await StoreAsync(Payloads.Next(input));
    }

    public Task<byte[]> CreateAsync(int size) => StoreAsync(Payloads.Create(size));

    private async Task<byte[]> StoreAsync(byte[] output)
    {
        var key = this.GetPrimaryKeyString().Replace('/', '-');
        var blob = container.GetBlobClient(key + ".bin");
        await blob.UploadAsync(BinaryData.FromBytes(output), overwrite: true);
        var separator = key.LastIndexOf('-');
        await table.UpsertEntityAsync(new TableEntity(key[..separator], key[(separator + 1)..]) { ["OutputUri"] = blob.Uri.AbsoluteUri });
        return output;
    }
}
