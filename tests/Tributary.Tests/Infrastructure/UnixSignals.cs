using System.Runtime.InteropServices;

namespace Tributary.Tests.Infrastructure;

/// <summary>Sends POSIX signals; .NET's Process can only kill.</summary>
internal static class UnixSignals
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    /// <summary>Sends SIGINT to a process (a graceful stop for Node servers such as Azurite).</summary>
    /// <returns><see langword="false"/> when signals are not available (Windows) or the call failed.</returns>
    public static bool Interrupt(int pid)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        return Kill(pid, SigInt) == 0;
    }

    /// <summary>Sends SIGTERM to a process (how a service manager or an orchestrator asks a process to stop).</summary>
    /// <returns><see langword="false"/> when signals are not available (Windows) or the call failed.</returns>
    public static bool Terminate(int pid) => !OperatingSystem.IsWindows() && Kill(pid, SigTerm) == 0;

    // DllImport rather than LibraryImport: the arguments are blittable, and LibraryImport would need unsafe code.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
