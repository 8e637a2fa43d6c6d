using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tributary.Security;

namespace Tributary.Hosting;

/// <summary>
/// Says at a silo's start that TLS is on, with which certificate and whom it trusts, and warns when any certificate is
/// trusted or its own expires within <see cref="ExpiryWarning"/>: an operator sees it in the log, not at the first
/// refused connection. (A client, whose log may be a command's output, says nothing.)
/// </summary>
internal sealed partial class TlsStartupReport(
    TlsConnectionSettings settings, string connections, ILogger<TlsStartupReport> logger, TimeProvider time)
    : IHostedService
{
    /// <summary>How long before its certificate expires a start warns.</summary>
    public static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(30);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var certificate = settings.Certificate;
        var expires = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        LogTlsOn(logger, connections, certificate.Subject, certificate.GetCertHashString(HashAlgorithmName.SHA256), expires,
            settings.AllowedThumbprintCount, settings.AuthorityCount);
        if (settings.AllowAnyRemoteCertificate)
        {
            LogAnyCertificateTrusted(logger, connections);
        }

        if (expires - time.GetUtcNow() < ExpiryWarning)
        {
            LogExpiresSoon(logger, certificate.Subject, expires);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
