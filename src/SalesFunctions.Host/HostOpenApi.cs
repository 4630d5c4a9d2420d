namespace SalesFunctions.Host;

/// <summary>Placeholder replaced below.</summary>
public static class HostOpenApi
{
    public static IServiceCollection AddSalesFunctionsOpenApi(this IServiceCollection services) => services;
}
