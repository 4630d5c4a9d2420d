using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Kpis.Targets;

namespace SalesFunctions.Core.Tests.Kpis.Targets;

public sealed class KpiOptionsValidatorTests
{
    [Fact]
    public void Validate_WhenEveryEntryIsValid_Succeeds()
    {
        var options = Options(new KpiTargetOptions
        {
            Quotas = [Entry("rep", "rep-01", "2026-Q4", 1000m), Entry("Tenant", "all", "2026-10", 0m), Entry("tenant", null, "2026-W41", 5m)],
            Forecasts = [Entry("territory", "emea", "2026-10-05", 10m)],
            Spend = [new KpiSpendEntryOptions { Period = "2026-Q4", Amount = 50000m }],
        });

        Assert.True(new KpiOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("account", "acc-1", "2026-Q4", 1, "Kpis:Tenants:tenant-a:Quotas:0: unknown dimension 'account'; use rep, team, territory or tenant.")]
    [InlineData("rep", "rep-01", "Q4", 1, "Kpis:Tenants:tenant-a:Quotas:0: period 'Q4' is not a period key")]
    [InlineData("rep", "rep-01", "2026-Q4", -1, "Kpis:Tenants:tenant-a:Quotas:0: amount -1 is negative")]
    [InlineData("tenant", "tenant-a", "2026-Q4", 1, "Kpis:Tenants:tenant-a:Quotas:0: a tenant quota is for the tenant total: leave key empty or 'all', not 'tenant-a'.")]
    [InlineData("team", null, "2026-Q4", 1, "Kpis:Tenants:tenant-a:Quotas:0: key is required for a team quota")]
    public void Validate_WhenAQuotaIsInvalid_FailsNamingItsPath(string dimension, string? key, string period, int amount, string message)
    {
        var result = new KpiOptionsValidator().Validate(null, Options(new KpiTargetOptions { Quotas = [Entry(dimension, key, period, amount)] }));

        Assert.True(result.Failed);
        Assert.StartsWith(message, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenForecastsSpendAndTenantIdAreInvalid_ReportsEachByPath()
    {
        var options = new KpiOptions();
        options.Tenants["bad tenant"] = new KpiTargetOptions
        {
            Forecasts = [Entry("rep", "rep-01", "2026-Q4", 1m), Entry("rep", "rep-01", "2026-Q9", 1m)],
            Spend = [new KpiSpendEntryOptions { Period = "2026-Q4", Amount = -3m }],
        };

        var failures = new KpiOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(3, failures.Count);
        Assert.StartsWith("Kpis:Tenants: tenant id 'bad tenant'", failures[0], StringComparison.Ordinal);
        Assert.StartsWith("Kpis:Tenants:bad tenant:Forecasts:1: period '2026-Q9'", failures[1], StringComparison.Ordinal);
        Assert.StartsWith("Kpis:Tenants:bad tenant:Spend:0: amount -3 is negative", failures[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Options_WhenBoundFromConfiguration_AreValidatedAndReadAsTargets()
    {
        using var valid = Provider(new()
        {
            ["Kpis:Tenants:tenant-a:Quotas:0:Dimension"] = "rep",
            ["Kpis:Tenants:tenant-a:Quotas:0:Key"] = "rep-01",
            ["Kpis:Tenants:tenant-a:Quotas:0:Period"] = "2026-Q4",
            ["Kpis:Tenants:tenant-a:Quotas:0:Amount"] = "1500.25",
            ["Kpis:Tenants:tenant-a:Spend:0:Period"] = "2026-Q4",
            ["Kpis:Tenants:tenant-a:Spend:0:Amount"] = "700",
        });
        using var invalid = Provider(new() { ["Kpis:Tenants:tenant-a:Quotas:0:Dimension"] = "region", ["Kpis:Tenants:tenant-a:Quotas:0:Period"] = "2026-Q4" });

        var targets = valid.GetRequiredService<IOptions<KpiOptions>>().Value.Tenants["tenant-a"].ToTargets("tenant-a", e => Assert.Fail(e));
        var error = Assert.Throws<OptionsValidationException>(() => invalid.GetRequiredService<IOptions<KpiOptions>>().Value);

        Assert.Equal(new Quota(KpiDimension.Rep, "rep-01", KpiTargetsCsvTests.Period("2026-Q4"), 1500.25m), Assert.Single(targets.Quotas));
        Assert.Equal(new Spend(KpiTargetsCsvTests.Period("2026-Q4"), 700m), Assert.Single(targets.Spend));
        Assert.Contains("Kpis:Tenants:tenant-a:Quotas:0: unknown dimension 'region'", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSalesFunctionsCore();
        return services.BuildServiceProvider();
    }

    private static KpiOptions Options(KpiTargetOptions targets)
    {
        var options = new KpiOptions();
        options.Tenants["tenant-a"] = targets;
        return options;
    }

    private static KpiTargetEntryOptions Entry(string dimension, string? key, string period, decimal amount) =>
        new() { Dimension = dimension, Key = key, Period = period, Amount = amount };
}
