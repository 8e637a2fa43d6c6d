using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Web;

/// <summary>The web side of the <c>src/Silo</c> process, run the way a deployment runs it.</summary>
public sealed class SiloWebProcessTests
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Start_ExposedWithoutApiKey_ExitsNonZeroNamingTheSetting()
    {
        using var working = new TempDirectory();
        using var siloPort = new ClosedPort();
        using var gatewayPort = new ClosedPort();
        using var webPort = new ClosedPort();
        var start = SiloStart(working.Path, siloPort.Port, gatewayPort.Port, $"http://0.0.0.0:{webPort.Port}");

        var (exitCode, output) = await ProcessRunner.RunAsync(start, ProcessTimeout, "The silo");

        Assert.True(exitCode != 0, $"The silo started. Output:\n{output}");
        Assert.Contains(
            $"Tributary:Web:Urls (http://0.0.0.0:{webPort.Port}) is not loopback-only, so the dashboard and run pages need authentication: set Tributary:Web:ApiKey.",
            output);
    }

    [Fact]
    public async Task Start_Loopback_ServesHealthzAndTheDashboard()
    {
        using var working = new TempDirectory();
        int siloPort, gatewayPort, webPort;
        using (var heldSilo = new ClosedPort())
        using (var heldGateway = new ClosedPort())
        using (var heldWeb = new ClosedPort())
        {
            (siloPort, gatewayPort, webPort) = (heldSilo.Port, heldGateway.Port, heldWeb.Port);
        }

        using var silo = Process.Start(SiloStart(working.Path, siloPort, gatewayPort, $"http://127.0.0.1:{webPort}"))!;
        var output = new StringBuilder();
        silo.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        silo.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        silo.BeginOutputReadLine();
        silo.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}"), Timeout = TimeSpan.FromSeconds(10) };
            using var deadline = new CancellationTokenSource(ProcessTimeout);
            // Health is what an orchestrator waits on: poll it as one does until the silo is active.
            HttpStatusCode health;
            while ((health = await StatusOfAsync(http, "/healthz", deadline.Token)) != HttpStatusCode.OK && !silo.HasExited)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
            }

            using var dashboard = await http.GetAsync("/dashboard/", deadline.Token);
            Assert.Equal(HttpStatusCode.OK, health);
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            Assert.Contains("Orleans Dashboard", await dashboard.Content.ReadAsStringAsync(deadline.Token));
        }
        catch (Exception ex)
        {
            lock (output)
            {
                throw new Xunit.Sdk.XunitException($"{ex}\nSilo output:\n{output}");
            }
        }
        finally
        {
            silo.Kill(entireProcessTree: true);
            await silo.WaitForExitAsync();
        }
    }

    private static async Task<HttpStatusCode> StatusOfAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(path, cancellationToken);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0; // not listening yet
        }
    }

    private static ProcessStartInfo SiloStart(string workingDirectory, int siloPort, int gatewayPort, string urls) =>
        SiloProcess.StartInfo(workingDirectory, new Dictionary<string, string>
        {
            ["Tributary__Cluster__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Tributary__Cluster__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Tributary__Web__Urls"] = urls,
        });
}
