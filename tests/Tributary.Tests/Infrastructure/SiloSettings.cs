namespace Tributary.Tests.Infrastructure;

/// <summary>The environment a silo process of the tests runs with, as deploy/local sets it.</summary>
public static class SiloSettings
{
    /// <summary>
    /// An Azure Storage cluster of its own on <paramref name="connectionString"/> (cluster and service id
    /// <paramref name="clusterId"/>), results in Azure Blob (a container named after the cluster), and the flows of
    /// <paramref name="flowAssemblyPath"/>.
    /// </summary>
    public static Dictionary<string, string> AzureStorage(string connectionString, string clusterId, string flowAssemblyPath) =>
        new(StringComparer.Ordinal)
        {
            ["Tributary__Cluster__Mode"] = "AzureStorage",
            ["Tributary__Cluster__ConnectionString"] = connectionString,
            ["Tributary__Cluster__ClusterId"] = clusterId,
            ["Tributary__Cluster__ServiceId"] = clusterId,
            ["Tributary__AzureBlob__ConnectionString"] = connectionString,
            ["Tributary__ResultHandler__Kind"] = "azure-blob",
            ["Tributary__ResultHandler__Settings__container"] = clusterId,
            ["Tributary__FlowAssemblies__0"] = flowAssemblyPath,
        };
}
