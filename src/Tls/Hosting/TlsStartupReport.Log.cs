using Microsoft.Extensions.Logging;

namespace Tributary.Hosting;

internal sealed partial class TlsStartupReport
{
    [LoggerMessage(Level = LogLevel.Information, Message = "TLS on for {Connections}: certificate {Subject} (SHA-256 {Sha256}, expires {Expires:u}); trusting that certificate, {ThumbprintCount} allowed thumbprint(s) and the certificates of {AuthorityCount} authority(ies)")]
    private static partial void LogTlsOn(ILogger logger, string connections, string subject, string sha256, DateTimeOffset expires, int thumbprintCount, int authorityCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TLS for {Connections} trusts any remote certificate (AllowAnyRemoteCertificate): anyone who reaches the ports can connect. For development only")]
    private static partial void LogAnyCertificateTrusted(ILogger logger, string connections);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The TLS certificate {Subject} expires {Expires:u}: connections will be refused after that; replace it and restart")]
    private static partial void LogExpiresSoon(ILogger logger, string subject, DateTimeOffset expires);
}
