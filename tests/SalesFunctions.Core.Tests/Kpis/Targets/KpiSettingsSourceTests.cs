using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Kpis.Targets;
using SalesFunctions.Core.Tests.Fakes;

namespace SalesFunctions.Core.Tests.Kpis.Targets;

public sealed class KpiSettingsSourceTests
{
    [Fact]
    public void Fingerprint_WhenOnlyTheFormOfTheConfigurationDiffers_StaysTheSame()
    {
        var (options, crm) = Configuration();
        var before = Source(options).Fingerprint(TestData.Tenant, crm);

        // 5.0 is 5, currency codes are case-insensitive, and entries add up whatever their order.
        options.MinutesPerEmail = 5.0m;
        crm.ExchangeRates.Clear();
        crm.ExchangeRates["gbp"] = 1.27m;
        crm.ExchangeRates["EUR"] = 1.080m;
        options.Tenants[TestData.Tenant].Quotas.Reverse();

        Assert.Equal(before, Source(options).Fingerprint(TestData.Tenant, crm));
        Assert.Equal(32, before.Length);
    }

    public static TheoryData<string> Changes => ["minutes", "currency", "rate", "quota", "spend", "other tenant"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Fingerprint_WhenWhatTheCatalogueReadsChanges_Differs(string change)
    {
        var (options, crm) = Configuration();
        var before = Source(options).Fingerprint(TestData.Tenant, crm);

        var tenant = TestData.Tenant;
        switch (change)
        {
            case "minutes": options.MinutesPerEmail = 6m; break;
            case "currency": crm.ReportingCurrency = "EUR"; break;
            case "rate": crm.ExchangeRates["EUR"] = 1.09m; break;
            case "quota": options.Tenants[TestData.Tenant].Quotas[0].Amount = 1001m; break;
            case "spend": options.Tenants[TestData.Tenant].Spend.Add(new KpiSpendEntryOptions { Period = "2026-10", Amount = 5000m }); break;
            default: tenant = "tenant-b"; break;
        }

        Assert.NotEqual(before, Source(options).Fingerprint(tenant, crm));
    }

    private static KpiSettingsSource Source(KpiOptions options) => new(new FixedOptionsMonitor<KpiOptions>(options), new InMemoryKpiTargetStore());

    private static (KpiOptions Options, CrmOptions Crm) Configuration()
    {
        var options = new KpiOptions { MinutesPerEmail = 5m };
        options.Tenants[TestData.Tenant] = new KpiTargetOptions
        {
            Quotas =
            [
                new KpiTargetEntryOptions { Dimension = "rep", Key = "rep-ava", Period = "2026-10", Amount = 1000m },
                new KpiTargetEntryOptions { Dimension = "rep", Key = "rep-kim", Period = "2026-10", Amount = 2000m },
            ],
        };
        var crm = new CrmOptions { ReportingCurrency = "USD" };
        crm.ExchangeRates["EUR"] = 1.08m;
        crm.ExchangeRates["GBP"] = 1.27m;
        return (options, crm);
    }
}
