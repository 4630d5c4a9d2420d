using Azure.Identity;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SalesFunctions.Core;
using SalesFunctions.Core.Telemetry;

namespace SalesFunctions.Host;

/// <summary>
/// OpenTelemetry for the Host (ADR 0020): the "SalesFunctions" spans and meter plus ASP.NET Core's, exported to Azure
/// Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is set, over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set
/// (http/protobuf unless OTEL_EXPORTER_OTLP_PROTOCOL says grpc), and nowhere otherwise.
/// </summary>
public static class HostTelemetry
{
    public const string ServiceName = "salesfunctions-host";

    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddSalesFunctionsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]);
        var protocol = string.Equals(configuration["OTEL_EXPORTER_OTLP_PROTOCOL"], "grpc", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.Grpc
            : OtlpExportProtocol.HttpProtobuf;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(SalesFunctionsTracing.SourceName).AddAspNetCoreInstrumentation().AddProcessor(new UrlScrubbingProcessor());
                if (otlp)
                {
                    tracing.AddOtlpExporter(o => o.Protocol = protocol);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SalesFunctionsMetrics.MeterName).AddAspNetCoreInstrumentation();
                if (otlp)
                {
                    metrics.AddOtlpExporter(o => o.Protocol = protocol);
                }
            });

        // After the scrubbing processor, so the exporter it adds sees scrubbed spans.
        if (!string.IsNullOrWhiteSpace(configuration[AzureMonitorSetting]))
        {
            // Application Insights with local authentication off takes an Entra token: the managed identity named by
            // AZURE_CLIENT_ID in Azure, a developer's sign-in elsewhere.
            telemetry.UseAzureMonitor(o => o.Credential = new DefaultAzureCredential());
        }

        return services;
    }
}
