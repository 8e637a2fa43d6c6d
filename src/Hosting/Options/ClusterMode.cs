namespace Tributary.Options;

/// <summary>Where a Tributary cluster keeps its membership, state and reminders.</summary>
public enum ClusterMode
{
    /// <summary>One in-process silo with in-memory state: no servers at all.</summary>
    Embedded = 0,

    /// <summary>Azure Table storage (or Azurite) for membership, grain state and reminders.</summary>
    AzureStorage = 1,
}
