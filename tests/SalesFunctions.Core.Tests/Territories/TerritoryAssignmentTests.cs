using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Territories;
using static SalesFunctions.Core.Tests.Territories.TerritoryModels;

namespace SalesFunctions.Core.Tests.Territories;

public sealed class TerritoryAssignmentTests
{
    public static TheoryData<string, TerritoryRule, Account, bool> RuleCases => new()
    {
        { "country in list", new TerritoryRule { Priority = 1, Countries = ["DE", "AT", "CH"] }, Account(country: "AT"), true },
        { "country case-insensitive", new TerritoryRule { Priority = 1, Countries = ["de"] }, Account(country: "DE"), true },
        { "country not in list", new TerritoryRule { Priority = 1, Countries = ["DE", "AT", "CH"] }, Account(country: "FR"), false },
        { "country missing", new TerritoryRule { Priority = 1, Countries = ["DE"] }, Account(), false },
        { "region in list", new TerritoryRule { Priority = 1, Regions = ["BY", "BW"] }, Account(region: "by"), true },
        { "region not in list", new TerritoryRule { Priority = 1, Regions = ["BY", "BW"] }, Account(region: "NW"), false },
        { "postal prefix", new TerritoryRule { Priority = 1, PostalPrefixes = ["80", "81"] }, Account(postalCode: "81671"), true },
        { "postal prefix ignores spaces and case", new TerritoryRule { Priority = 1, PostalPrefixes = ["SW1A 1"] }, Account(postalCode: "sw1a1aa"), true },
        { "postal prefix with separator in code", new TerritoryRule { Priority = 1, PostalPrefixes = ["SW1A1"] }, Account(postalCode: "SW1A 1AA"), true },
        { "postal prefix longer than code", new TerritoryRule { Priority = 1, PostalPrefixes = ["80331"] }, Account(postalCode: "803"), false },
        { "postal prefix no match", new TerritoryRule { Priority = 1, PostalPrefixes = ["80"] }, Account(postalCode: "10115"), false },
        { "employees inside band", new TerritoryRule { Priority = 1, Employees = new Band<int>(1, 199) }, Account(employees: 199), true },
        { "employees band lower bound inclusive", new TerritoryRule { Priority = 1, Employees = new Band<int>(200, 999) }, Account(employees: 200), true },
        { "employees above band", new TerritoryRule { Priority = 1, Employees = new Band<int>(1, 199) }, Account(employees: 1200), false },
        { "employees open band", new TerritoryRule { Priority = 1, Employees = new Band<int>(1000, null) }, Account(employees: 250_000), true },
        { "employees unknown", new TerritoryRule { Priority = 1, Employees = new Band<int>(1, 199) }, Account(), false },
        { "revenue inside band", new TerritoryRule { Priority = 1, AnnualRevenue = new Band<decimal>(1_000_000m, 10_000_000m) }, Account(revenue: 10_000_000m), true },
        { "revenue below band", new TerritoryRule { Priority = 1, AnnualRevenue = new Band<decimal>(1_000_000m, null) }, Account(revenue: 999_999.99m), false },
        { "revenue up-to band", new TerritoryRule { Priority = 1, AnnualRevenue = new Band<decimal>(null, 1_000_000m) }, Account(revenue: 5m), true },
        { "industry in list", new TerritoryRule { Priority = 1, Industries = ["Health", "Finance"] }, Account(industry: "finance"), true },
        { "industry not in list", new TerritoryRule { Priority = 1, Industries = ["Health"] }, Account(industry: "Retail"), false },
        { "named account", new TerritoryRule { Priority = 1, Accounts = ["acc-7", "acc-1"] }, Account("acc-1"), true },
        { "named account is case-sensitive", new TerritoryRule { Priority = 1, Accounts = ["ACC-1"] }, Account("acc-1"), false },
        { "named account not listed", new TerritoryRule { Priority = 1, Accounts = ["acc-7"] }, Account("acc-1"), false },
        { "all conditions hold", new TerritoryRule { Priority = 1, Countries = ["DE"], Industries = ["Retail"], Employees = new Band<int>(1, 199) }, Account(country: "DE", industry: "Retail", employees: 50), true },
        { "one condition fails", new TerritoryRule { Priority = 1, Countries = ["DE"], Industries = ["Retail"], Employees = new Band<int>(1, 199) }, Account(country: "DE", industry: "Retail", employees: 500), false },
        { "catch-all", new TerritoryRule { Priority = 1 }, Account(), true },
    };

    [Theory]
    [MemberData(nameof(RuleCases))]
    public void Assign_WhenOneRuleOfEachType_MatchesExactlyWhenItsConditionsHold(string name, TerritoryRule rule, Account account, bool expected)
    {
        var model = Compile(Primary("t", rule));

        var assignment = model.Assign(account);

        Assert.True((assignment.PrimaryId == "t") == expected, name);
        Assert.Equal(expected, model.Explain(account).Assignment.PrimaryId == "t");
    }

    public static TheoryData<string, Account, string?> SampleCases => new()
    {
        { "DACH small", Account(country: "DE", employees: 50), "dach" },
        { "DACH enterprise wins on priority", Account(country: "CH", employees: 5000), "dach-enterprise" },
        { "named account beats geography", Account("acc-strategic", country: "DE", employees: 5000), "strategic" },
        { "US west by region", Account(country: "US", region: "CA"), "us-west" },
        { "US east has no territory", Account(country: "US", region: "NY"), null },
        { "no firmographics", Account(), null },
    };

    [Theory]
    [MemberData(nameof(SampleCases))]
    public void Assign_WhenSampleModel_PicksTheExpectedPrimary(string name, Account account, string? expected) =>
        Assert.True(Sample().Assign(account).PrimaryId == expected, name);

    [Theory]
    [InlineData(100, 1, 100, 1, "alpha", "alpha wins on territory id")]
    [InlineData(100, 1, 100, 2, "beta", "beta wins on specificity")]
    [InlineData(100, 2, 100, 1, "alpha", "alpha wins on specificity")]
    [InlineData(200, 2, 100, 1, "beta", "beta wins on priority")]
    [InlineData(100, 1, 200, 2, "alpha", "alpha wins on priority")]
    public void Assign_WhenTwoPrimariesMatch_TieBreakDecides(int alphaPriority, int alphaConditions, int betaPriority, int betaConditions, string expected, string tieBreak)
    {
        static TerritoryRule Rule(int priority, int conditions) => conditions == 1
            ? new TerritoryRule { Priority = priority, Countries = ["DE"] }
            : new TerritoryRule { Priority = priority, Countries = ["DE"], Industries = ["Retail"] };
        var model = Compile(Primary("beta", Rule(betaPriority, betaConditions)), Primary("alpha", Rule(alphaPriority, alphaConditions)));
        var account = Account(country: "DE", industry: "Retail");

        var explanation = model.Explain(account);

        Assert.Equal(expected, model.Assign(account).PrimaryId);
        Assert.Equal(expected, explanation.Assignment.PrimaryId);
        Assert.StartsWith(tieBreak, explanation.TieBreak, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_WhenPriorityAndSpecificityTie_LowerTerritoryIdOrdinalWins()
    {
        var rule = new TerritoryRule { Priority = 5, Countries = ["DE"] };
        var model = Compile(Primary("zeta", rule), Primary("Zeta", rule), Primary("alpha", rule));

        // Ordinal order puts upper case first: "Zeta" < "alpha" < "zeta".
        Assert.Equal("Zeta", model.Assign(Account(country: "DE")).PrimaryId);
    }

    [Fact]
    public void Assign_WhenSeveralOverlaysMatch_ReturnsAllOfThemAlongsideThePrimary()
    {
        var account = Account(country: "DE", employees: 5000, industry: "Analytics", revenue: 2_000_000_000m);

        var assignment = Sample().Assign(account);

        Assert.Equal("dach-enterprise", assignment.PrimaryId);
        Assert.Equal(["big-revenue", "analytics-specialists"], assignment.OverlayIds);
    }

    [Fact]
    public void Assign_WhenOnlyAnOverlayMatches_HasNoPrimary()
    {
        var assignment = Sample().Assign(Account(country: "FR", industry: "Analytics"));

        Assert.Null(assignment.PrimaryId);
        Assert.Equal(["analytics-specialists"], assignment.OverlayIds);
    }

    [Fact]
    public void Assign_WhenAnOverlayHasTwoMatchingRules_ListsItOnce()
    {
        var overlay = new Territory
        {
            Id = "specialists",
            Kind = TerritoryKind.Overlay,
            Rules = [new TerritoryRule { Priority = 1, Countries = ["DE"] }, new TerritoryRule { Priority = 2, Industries = ["Retail"] }],
        };

        var assignment = Compile(overlay).Assign(Account(country: "DE", industry: "Retail"));

        Assert.Equal(["specialists"], assignment.OverlayIds);
    }

    [Fact]
    public void Explain_WhenRulesFail_GivesAReasonPerCondition()
    {
        var explanation = Sample().Explain(Account(country: "DE", employees: 50));

        var enterprise = Assert.Single(explanation.Rules, rule => rule.TerritoryId == "dach-enterprise");
        Assert.False(enterprise.Matched);
        Assert.Equal(["country DE in [DE, AT, CH]", "employees 50 not in 1000+"], enterprise.Reasons);
        var dach = Assert.Single(explanation.Rules, rule => rule.TerritoryId == "dach");
        Assert.True(dach.Matched);
        Assert.Equal("dach is the only matching primary territory (dach rule 0)", explanation.TieBreak);
        Assert.Contains("account acc-1 not in [acc-strategic]", Assert.Single(explanation.Rules, rule => rule.TerritoryId == "strategic").Reasons);
    }

    [Fact]
    public void Explain_WhenNothingMatches_SaysSo()
    {
        var explanation = Sample().Explain(Account(country: "FR"));

        Assert.Equal(TerritoryAssignment.None, explanation.Assignment);
        Assert.Equal("no primary rule matched", explanation.TieBreak);
        Assert.Contains("employees missing (needs 1000+)", explanation.Rules.SelectMany(rule => rule.Reasons));
    }
}
