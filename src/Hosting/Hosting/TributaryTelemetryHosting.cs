using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Tributary.Diagnostics;
using Tributary.Options;

namespace Tributary.Hosting;

/// <summary>Exports a silo's metrics and traces with OpenTelemetry (OTLP) when <c>Tributary:Telemetry:OtlpEndpoint</c> is set.</summary>
public static class TributaryTelemetryHosting
{
    /// <summary>The name of Orleans' own meter.</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>
    /// When <c>Tributary:Telemetry:OtlpEndpoint</c> is set, exports the <c>Tributary</c> meter (and Orleans' own,
    /// <c>Microsoft.Orleans</c>, unless <c>ExportOrleansMetrics</c> is false) and the <c>Tributary</c> activity source to
    /// that OTLP endpoint; otherwise registers nothing. A host that does not call it (the CLI's embedded silo) never exports.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration (<c>Tributary:Telemetry</c>).</param>
    /// <exception cref="ArgumentException">The configuration is invalid; the message names the key.</exception>
    public static IServiceCollection AddTributaryTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(TelemetryHostingOptions.SectionName).Get<TelemetryHostingOptions>() ?? new TelemetryHostingOptions();
        options.Validate();
        if (string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            return services;
        }

        var endpoint = new Uri(options.OtlpEndpoint, UriKind.Absolute);
        var meters = options.ExportOrleansMetrics ? new[] { TributaryTelemetry.Name, OrleansMeterName } : [TributaryTelemetry.Name];
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(meters)
                .AddOtlpExporter((exporter, reader) =>
                {
                    Apply(exporter, options, endpoint, "v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = options.MetricExportIntervalMilliseconds;
                }))
            .WithTracing(tracing => tracing
                .AddSource(TributaryTelemetry.Name)
                .AddOtlpExporter(exporter => Apply(exporter, options, endpoint, "v1/traces")));
        return services;
    }

    private static void Apply(OtlpExporterOptions exporter, TelemetryHostingOptions options, Uri endpoint, string signalPath)
    {
        exporter.Protocol = options.Protocol;
        // An endpoint set in code is used as is; over HTTP each signal has its own path (what the OTEL_EXPORTER_OTLP_ENDPOINT
        // environment variable would append), so a base address works for both protocols.
        exporter.Endpoint = options.Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
            : endpoint;
    }
}
