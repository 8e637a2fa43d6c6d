using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Bench.Baselines;
using Tributary.Hosting;

namespace Tributary.Bench.Configurations;

/// <summary>What the durable silo needs for the durable floor (<see cref="FloorTaskGrain"/>): its blob container and its table.</summary>
public static class DurableFloor
{
    public static void Add(TributaryBuilder tributary, string connectionString)
    {
        tributary.Services.AddSingleton(_ =>
        {
            var container = new BlobContainerClient(connectionString, FloorTaskGrain.ContainerName);
            container.CreateIfNotExists();
            return container;
        });
        tributary.Services.AddSingleton(_ =>
        {
            var table = new TableClient(connectionString, FloorTaskGrain.TableName);
            table.CreateIfNotExists();
            return table;
        });
    }
}
