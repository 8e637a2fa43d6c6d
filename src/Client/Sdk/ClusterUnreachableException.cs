namespace Tributary.Client;

/// <summary>
/// The client could not connect to its cluster: no gateway was listed or answered within
/// <see cref="Options.TributaryClientOptions.ConnectTimeout"/>, or the cluster's membership could not be read. The
/// message names the cluster and says what to check.
/// </summary>
public sealed class ClusterUnreachableException : TributaryException
{
    /// <summary>Creates the error.</summary>
    /// <param name="clusterId">The cluster id the client looked for.</param>
    /// <param name="message">What failed and what to check.</param>
    /// <param name="innerException">The last connection error.</param>
    public ClusterUnreachableException(string clusterId, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ClusterId = clusterId;
    }

    /// <summary>The cluster id the client looked for.</summary>
    public string ClusterId { get; }
}
