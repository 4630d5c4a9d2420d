using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SalesFunctions.Api.SignIn;
using SalesFunctions.Core;
using SalesFunctions.Core.Telemetry;
using SalesFunctions.Functions;
using SalesFunctions.Graph;
using SalesFunctions.Storage;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ErrorBoundaryMiddleware>();
builder.UseMiddleware<SignInMiddleware>();
builder.Services.AddSalesFunctionsCore();
builder.Services.AddSalesFunctionsStorage(builder.Configuration);
builder.Services.AddSalesFunctionsGraph(builder.Configuration);
builder.Services.AddSalesFunctionsSignIn(builder.Environment);
builder.Services.AddHealthChecks()
    .AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, timeout: TimeSpan.FromSeconds(8))
    .AddCheck<GraphTokenHealthCheck>(GraphTokenHealthCheck.Name, timeout: TimeSpan.FromSeconds(8));

// The worker's documented OpenTelemetry integration (host.json "telemetryMode": "OpenTelemetry" for the host side):
// the worker's invocation spans, our "SalesFunctions" spans and meter; Azure Monitor when a connection string is set
// (UseAzureMonitorExporter fails at start without one), OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (ADR 0020).
var telemetry = builder.Services.AddOpenTelemetry()
    .UseFunctionsWorkerDefaults()
    .WithTracing(tracing => tracing.AddSource(SalesFunctionsTracing.SourceName))
    .WithMetrics(metrics => metrics.AddMeter(SalesFunctionsMetrics.MeterName));
if (!string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    // Application Insights has local authentication off: the exporter signs in as the app identity (AZURE_CLIENT_ID).
    telemetry.UseAzureMonitorExporter(o => o.Credential = new DefaultAzureCredential());
}

if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
{
    telemetry.UseOtlpExporter();
}

builder.Build().Run();
