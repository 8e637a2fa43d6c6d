using OpenTelemetry.Exporter;

namespace Tributary.Options;

/// <summary>
/// Settings of <c>Tributary:Telemetry</c>: where a silo exports its metrics and traces with OpenTelemetry (OTLP). No
/// <see cref="OtlpEndpoint"/>, no export.
/// </summary>
public sealed class TelemetryHostingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Tributary:Telemetry";

    /// <summary>
    /// The OTLP collector's base address, such as <c>http://otel-collector:4317</c> (gRPC) or
    /// <c>http://otel-collector:4318</c> (HTTP); unset, nothing is exported. With <see cref="OtlpExportProtocol.HttpProtobuf"/>
    /// the signal paths <c>v1/metrics</c> and <c>v1/traces</c> are appended.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The OTLP protocol: <c>Grpc</c> (the default) or <c>HttpProtobuf</c>.</summary>
    public OtlpExportProtocol Protocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>How often metrics are exported, in milliseconds (60000 by default, OpenTelemetry's default).</summary>
    public int MetricExportIntervalMilliseconds { get; set; } = 60_000;

    /// <summary>The <c>service.name</c> resource attribute of the exported data.</summary>
    public string ServiceName { get; set; } = "tributary-silo";

    /// <summary>Whether Orleans' own meter (<c>Microsoft.Orleans</c>) is exported beside Tributary's (true by default).</summary>
    public bool ExportOrleansMetrics { get; set; } = true;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message names the key.</exception>
    public void Validate()
    {
        if (OtlpEndpoint is not null && !Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out _))
        {
            throw new ArgumentException($"{SectionName}:{nameof(OtlpEndpoint)} must be an absolute URI (such as http://otel-collector:4317), not '{OtlpEndpoint}'.", nameof(OtlpEndpoint));
        }

        if (MetricExportIntervalMilliseconds <= 0)
        {
            throw new ArgumentException($"{SectionName}:{nameof(MetricExportIntervalMilliseconds)} must be positive.", nameof(MetricExportIntervalMilliseconds));
        }

        if (string.IsNullOrWhiteSpace(ServiceName))
        {
            throw new ArgumentException($"{SectionName}:{nameof(ServiceName)} must not be empty.", nameof(ServiceName));
        }
    }
}
