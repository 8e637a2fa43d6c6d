using System.Globalization;

namespace Tributary.Tests.Infrastructure;

/// <summary>The TCP ports that sockets of this very process listen on (Linux: <c>/proc/net/tcp*</c> and <c>/proc/self/fd</c>).</summary>
/// <remarks>
/// Asking the port itself (connecting to it) cannot tell this process's listener from another process's that took the
/// port afterwards; matching the listening sockets' inodes against this process's file descriptors can.
/// </remarks>
public static class ProcessListeners
{
    private const string ListenState = "0A";

    /// <summary>Whether a socket of this process listens on <paramref name="port"/> (any local address, IPv4 or IPv6).</summary>
    public static bool IsListening(int port)
    {
        var inodes = ListeningInodes(port);
        if (inodes.Count == 0)
        {
            return false;
        }

        foreach (var descriptor in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            string? target;
            try
            {
                target = new FileInfo(descriptor).LinkTarget;
            }
            catch (IOException)
            {
                continue; // closed while we looked
            }

            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal) && inodes.Contains(target["socket:[".Length..^1]))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> ListeningInodes(int port)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "/proc/self/net/tcp", "/proc/self/net/tcp6" }.Where(File.Exists))
        {
            // "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode"
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 10 || fields[3] != ListenState)
                {
                    continue;
                }

                var local = fields[1];
                var localPort = int.Parse(local[(local.LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (localPort == port)
                {
                    inodes.Add(fields[9]);
                }
            }
        }

        return inodes;
    }
}
