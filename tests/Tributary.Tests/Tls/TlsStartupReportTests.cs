using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tributary.Hosting;
using Tributary.Options;
using Tributary.Security;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Tls;

/// <summary>What a silo with TLS says at start.</summary>
public sealed class TlsStartupReportTests : IDisposable
{
    private readonly TempDirectory _files = new();

    [Fact]
    public async Task StartAsync_TlsOn_NamesTheCertificateAndWhatIsTrusted()
    {
        using var certificate = TestCertificates.SelfSigned("cluster", notAfter: DateTimeOffset.UtcNow.AddYears(1)); // no expiry warning
        var lines = await ReportAsync(certificate, new TributaryTlsOptions { AllowedThumbprints = [TestCertificates.Sha256Fingerprint(certificate)] }, LogLevel.Information);

        var line = Assert.Single(lines);
        Assert.Contains("TLS on for silo-to-silo and gateway connections: certificate CN=cluster (SHA-256 ", line);
        Assert.Contains(certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), line);
        Assert.Contains("1 allowed thumbprint(s) and the certificates of 0 authority(ies)", line);
    }

    [Fact]
    public async Task StartAsync_AllowAnyRemoteCertificate_Warns()
    {
        using var certificate = TestCertificates.SelfSigned("cluster");

        var lines = await ReportAsync(certificate, new TributaryTlsOptions { AllowAnyRemoteCertificate = true }, LogLevel.Warning);

        Assert.Contains(lines, line => line.Contains("trusts any remote certificate (AllowAnyRemoteCertificate)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_CertificateExpiringWithinTheWarning_Warns()
    {
        using var certificate = TestCertificates.SelfSigned("cluster");

        var lines = await ReportAsync(certificate, new TributaryTlsOptions(), LogLevel.Warning, now: certificate.NotAfter.ToUniversalTime().AddDays(-3));

        var line = Assert.Single(lines);
        Assert.Contains("The TLS certificate CN=cluster expires", line);
    }

    public void Dispose() => _files.Dispose();

    private async Task<IReadOnlyList<string>> ReportAsync(
        System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, TributaryTlsOptions options, LogLevel minimum, DateTime? now = null)
    {
        options.CertificatePath = TestCertificates.WritePfx(certificate, Path.Combine(_files.Path, "cluster.pfx"));
        options.CertificatePassword = TestCertificates.Password;
        var settings = TlsConnectionSettings.Create(options, TributaryTlsOptions.SiloSectionName, server: true, TimeProvider.System)!;
        using var recorder = new LogRecorder(minimum);
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(recorder).SetMinimumLevel(LogLevel.Trace));
        var time = new FakeTimeProvider(now ?? DateTime.UtcNow);
        var report = new TlsStartupReport(settings, "silo-to-silo and gateway connections", factory.CreateLogger<TlsStartupReport>(), time);

        await report.StartAsync(CancellationToken.None);

        return recorder.Lines;
    }
}
