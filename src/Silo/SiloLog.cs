using Microsoft.Extensions.Logging;
using Tributary.Options;

namespace Tributary.Silo;

/// <summary>The silo process's own log entries (category <c>Tributary.Silo</c>).</summary>
internal static partial class SiloLog
{
    /// <summary>The silo accepts work; says where its settings came from, so a silo started from another folder shows it.</summary>
    [LoggerMessage(
        EventId = 1,
        Level = LogLevel.Information,
        Message = "Tributary silo started: cluster '{ClusterId}' ({Mode}), silo port {SiloPort}, gateway port {GatewayPort}; settings from {SettingsFolder}appsettings.json, the environment and the command line.")]
    public static partial void Started(ILogger logger, string clusterId, ClusterMode mode, int siloPort, int gatewayPort, string settingsFolder);
}
