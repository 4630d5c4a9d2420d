using SalesFunctions.Simulator.Graph;
using SalesFunctions.Simulator.Organisation;

namespace SalesFunctions.Simulator;

/// <summary>Builds the simulator as a web app: for the command line, and in-process for tests.</summary>
public static class SimulatorApp
{
    public static WebApplication Build(SimulatorOptions options, string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(args ?? []);
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new DemoOrganisation(options));
        builder.Services.AddSingleton<MailboxStore>();
        builder.Services.AddSingleton<SubscriptionRegistry>();
        builder.Services.AddSingleton<NotificationPublisher>();
        builder.Services.AddSingleton<Player>();
        builder.Services.AddSingleton<Crm.CrmPlayer>();
        builder.Services.AddSingleton<Calls.CallPlayer>();
        builder.Services.AddSingleton<FaultInjector>();
        builder.Services.AddSingleton<RequestStats>();
        builder.Services.AddHttpClient("notifications", client => client.Timeout = TimeSpan.FromSeconds(15));
        var app = builder.Build();
        GraphApi.Map(app);
        return app;
    }
}
