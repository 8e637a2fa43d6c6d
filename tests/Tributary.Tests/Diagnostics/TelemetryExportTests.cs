using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Tributary.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Tributary.Diagnostics;
using Tributary.States;
using Tributary.Tests.Client;
using Tributary.Tests.Infrastructure;
using Tributary.Tests.Web;

namespace Tributary.Tests.Diagnostics;

/// <summary>AddTributaryTelemetry: OTLP export of the silo's meters and traces when, and only when, configured.</summary>
public sealed class TelemetryExportTests
{
    [Fact]
    public async Task Silo_WithOtlpEndpoint_ExportsTributaryMetricsOverOtlpHttp()
    {
        await using var collector = await OtlpCollector.StartAsync();
        using var results = new TempDirectory();
        var sums = new SumFlow();
        await using var silo = await WebSiloHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Tributary:ResultHandler:Settings:directory"] = results.Path,
                ["Tributary:Telemetry:OtlpEndpoint"] = collector.BaseAddress.AbsoluteUri,
                ["Tributary:Telemetry:Protocol"] = "HttpProtobuf",
                ["Tributary:Telemetry:MetricExportIntervalMilliseconds"] = "200",
            },
            tributary => tributary.AddFlow(sums.Define()));

        var run = silo.Client.GetFlowRunHandle(await silo.Client.StartFlowRunAsync(SumFlow.Name, new Dictionary<string, object?> { ["a"] = 2, ["b"] = 3 }));
        Assert.Equal(FlowRunStatus.Success, (await run.WaitAsync(TimeSpan.FromSeconds(30))).Flow.Status);

        // A metrics export that carries the run's attempts (names are plain UTF-8 in the protobuf body).
        var request = await collector.WaitForAsync(r => r.Path == "/v1/metrics" && r.Body.Contains(TributaryTelemetry.AttemptsName, StringComparison.Ordinal))
            .WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("application/x-protobuf", request.ContentType);
    }

    [Fact]
    public async Task Silo_WithoutOtlpEndpoint_RegistersNoExport()
    {
        using var results = new TempDirectory();
        await using var silo = await WebSiloHost.StartAsync(
            new Dictionary<string, string?> { ["Tributary:ResultHandler:Settings:directory"] = results.Path },
            tributary => tributary.AddFlow(new SumFlow().Define()));

        Assert.Null(silo.Services.GetService<MeterProvider>());
        Assert.Null(silo.Services.GetService<TracerProvider>());
    }

    [Fact]
    public void AddTributaryTelemetry_InvalidEndpoint_ThrowsNamingTheKey()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tributary:Telemetry:OtlpEndpoint"] = "not a uri" })
            .Build();

        var error = Assert.Throws<ArgumentException>(() => { Tributary.Hosting.TributaryTelemetryHosting.AddTributaryTelemetry(new ServiceCollection(), configuration); });
        Assert.Contains("Tributary:Telemetry:OtlpEndpoint", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A request the collector received.</summary>
    private sealed record OtlpRequest(string Path, string? ContentType, string Body);

    /// <summary>A stand-in OTLP/HTTP collector on a loopback port: records each request and answers 200.</summary>
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly List<OtlpRequest> _requests = [];
        private readonly List<(Func<OtlpRequest, bool> Match, TaskCompletionSource<OtlpRequest> Done)> _waiters = [];

        private OtlpCollector(WebApplication app) => _app = app;

        public Uri BaseAddress => new(_app.Urls.First());

        public static async Task<OtlpCollector> StartAsync()
        {
            var builder = WebApplication.CreateBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var collector = new OtlpCollector(app);
            app.Run(async context =>
            {
                using var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer);
                collector.Record(new OtlpRequest(context.Request.Path, context.Request.ContentType, Encoding.UTF8.GetString(buffer.ToArray())));
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/x-protobuf";
            });
            await app.StartAsync();
            return collector;
        }

        public Task<OtlpRequest> WaitForAsync(Func<OtlpRequest, bool> match)
        {
            lock (_requests)
            {
                var seen = _requests.FirstOrDefault(match);
                if (seen is not null)
                {
                    return Task.FromResult(seen);
                }

                var done = new TaskCompletionSource<OtlpRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((match, done));
                return done.Task;
            }
        }

        private void Record(OtlpRequest request)
        {
            lock (_requests)
            {
                _requests.Add(request);
                foreach (var waiter in _waiters.Where(w => w.Match(request)).ToList())
                {
                    waiter.Done.TrySetResult(request);
                    _waiters.Remove(waiter);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
