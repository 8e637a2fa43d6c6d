using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Hosting;
using Tributary.Options;
using Tributary.Security;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Tls;

/// <summary>TLS settings: the files they name are read at once, and every mistake names its setting.</summary>
public sealed class TlsSettingsTests : IDisposable
{
    private const string Section = TributaryTlsOptions.SiloSectionName;
    private readonly TempDirectory _files = new();

    [Fact]
    public void Create_NoCertificatePath_TlsOff()
    {
        Assert.Null(TlsConnectionSettings.Create(new TributaryTlsOptions(), Section, server: true, TimeProvider.System));
    }

    [Fact]
    public void Create_PfxWithItsPassword_ConfiguresMutualTlsWithTheCertificate()
    {
        using var certificate = TestCertificates.SelfSigned("cluster");
        var options = new TributaryTlsOptions { CertificatePath = TestCertificates.WritePfx(certificate, File("cluster.pfx")), CertificatePassword = TestCertificates.Password };

        var tls = Apply(options);

        Assert.Equal(certificate.Thumbprint, tls.LocalCertificate!.Thumbprint);
        Assert.True(tls.LocalCertificate.HasPrivateKey);
        Assert.Equal(Orleans.Connections.Security.RemoteCertificateMode.RequireCertificate, tls.RemoteCertificateMode);
        Assert.Equal(Orleans.Connections.Security.RemoteCertificateMode.RequireCertificate, tls.ClientCertificateMode);
        Assert.NotNull(tls.RemoteCertificateValidation);
    }

    [Fact]
    public void Create_PemCertificateAndKeyFiles_LoadsTheCertificateWithItsKey()
    {
        using var certificate = TestCertificates.SelfSigned("cluster");
        var options = new TributaryTlsOptions
        {
            CertificatePath = TestCertificates.WritePemCertificate(certificate, File("cluster.crt")),
            PrivateKeyPath = TestCertificates.WritePemKey(certificate, File("cluster.key")),
        };

        var tls = Apply(options);

        Assert.Equal(certificate.Thumbprint, tls.LocalCertificate!.Thumbprint);
        Assert.True(tls.LocalCertificate.HasPrivateKey);
    }

    [Fact]
    public void Create_MissingCertificateFile_NamesTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => Apply(new TributaryTlsOptions { CertificatePath = File("missing.pfx") }));

        Assert.StartsWith($"{Section}:CertificatePath '{File("missing.pfx")}' is not a file.", error.Message);
    }

    [Fact]
    public void Create_WrongPassword_NamesThePasswordSettingButNotThePassword()
    {
        using var certificate = TestCertificates.SelfSigned("cluster");
        var options = new TributaryTlsOptions { CertificatePath = TestCertificates.WritePfx(certificate, File("cluster.pfx")), CertificatePassword = "not-the-password" };

        var error = Assert.Throws<ArgumentException>(() => Apply(options));

        Assert.Contains($"{Section}:CertificatePassword", error.Message);
        Assert.DoesNotContain("not-the-password", error.Message);
    }

    [Fact]
    public void Create_PemCertificateWithoutItsKey_NamesTheSetting()
    {
        using var certificate = TestCertificates.SelfSigned("cluster");
        var options = new TributaryTlsOptions { CertificatePath = TestCertificates.WritePemCertificate(certificate, File("cluster.crt")) };

        var error = Assert.Throws<ArgumentException>(() => Apply(options));

        Assert.Contains($"{Section}:CertificatePath", error.Message);
    }

    [Fact]
    public void Create_MissingAuthorityFile_NamesTheSetting()
    {
        using var certificate = TestCertificates.SelfSigned("cluster");
        var options = new TributaryTlsOptions
        {
            CertificatePath = TestCertificates.WritePfx(certificate, File("cluster.pfx")),
            CertificatePassword = TestCertificates.Password,
            CertificateAuthorityPath = File("ca.crt"),
        };

        var error = Assert.Throws<ArgumentException>(() => Apply(options));

        Assert.StartsWith($"{Section}:CertificateAuthorityPath '{File("ca.crt")}' is not a file.", error.Message);
    }

    [Fact]
    public void Create_SiloCertificateForClientAuthenticationOnly_NamesTheSettingAndTheMissingUsage()
    {
        using var certificate = TestCertificates.SelfSigned("client-only", usages: [TestCertificates.ClientAuthentication]);
        var options = new TributaryTlsOptions { CertificatePath = TestCertificates.WritePfx(certificate, File("client-only.pfx")), CertificatePassword = TestCertificates.Password };

        var error = Assert.Throws<ArgumentException>(() => Apply(options));

        Assert.Equal(
            $"{Section}:CertificatePath '{File("client-only.pfx")}' lists extended key usages without server authentication, which mutual TLS needs.",
            StartupMessage(error));
    }

    // A half-configured TLS would run in plain text without a word.
    [Fact]
    public void Validate_TrustSettingsWithoutACertificate_NamesCertificatePath()
    {
        var error = Assert.Throws<ArgumentException>(() => new TributaryTlsOptions { AllowAnyRemoteCertificate = true }.Validate(Section));

        Assert.Contains($"{Section}:CertificatePath", error.Message);
    }

    [Fact]
    public void Validate_ThumbprintThatIsNotOne_NamesTheEntry()
    {
        var options = new TributaryTlsOptions { CertificatePath = "cluster.pfx", AllowedThumbprints = ["CN=silo-2"] };

        var error = Assert.Throws<ArgumentException>(() => options.Validate(Section));

        Assert.Contains($"{Section}:AllowedThumbprints entry 'CN=silo-2'", error.Message);
    }

    // Guards the SDK: TLS settings and no TLS would have connected in plain text and failed with a vague timeout.
    [Fact]
    public void AddTributaryClient_TlsSettingsWithoutUseTributaryTls_ThrowsNamingTheSection()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{TributaryTlsOptions.ClientSectionName}:CertificatePath"] = File("client.pfx") })
            .Build();

        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddTributaryClient(configuration, client => client.UseLocalhostClustering()));

        Assert.Contains("Tributary:Client:Tls is set, but TLS is not on", error.Message);
    }

    [Fact]
    public void AddTributaryClient_TlsSettingsWithUseTributaryTls_Accepted()
    {
        using var certificate = TestCertificates.SelfSigned("client");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{TributaryTlsOptions.ClientSectionName}:CertificatePath"] = TestCertificates.WritePfx(certificate, File("client.pfx")),
                [$"{TributaryTlsOptions.ClientSectionName}:CertificatePassword"] = TestCertificates.Password,
            })
            .Build();

        new ServiceCollection().AddTributaryClient(configuration, client => client.UseLocalhostClustering().UseTributaryTls(configuration));
    }

    public void Dispose() => _files.Dispose();

    private static Orleans.Connections.Security.TlsOptions Apply(TributaryTlsOptions options)
    {
        var settings = TlsConnectionSettings.Create(options, Section, server: true, TimeProvider.System);
        Assert.NotNull(settings);
        var tls = new Orleans.Connections.Security.TlsOptions();
        settings.Configure(tls);
        return tls;
    }

    private static string StartupMessage(ArgumentException error) =>
        error.Message.Replace($" (Parameter '{error.ParamName}')", string.Empty, StringComparison.Ordinal);

    private string File(string name) => Path.Combine(_files.Path, name);
}
