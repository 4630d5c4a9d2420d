using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Territories;

namespace SalesFunctions.Core.Tests.Territories;

/// <summary>
/// The compiled engine (indexes, merged candidate lists, early exit) against the definition written out naively:
/// evaluate every rule, sort the matches by the tie-break, take the first primary and every overlay. Small value
/// vocabularies and priorities make ties, shared countries and named accounts frequent.
/// </summary>
public sealed class ReferenceEvaluationTests
{
    private static readonly string[] Countries = ["DE", "AT", "FR", "US", "GB"];
    private static readonly string[] Regions = ["BY", "CA", "NY", "ENG"];
    private static readonly string[] Industries = ["Retail", "Health", "Finance"];
    private static readonly string[] PostalCodes = ["80331", "80 331", "8033", "SW1A 1AA", "sw1a-2bb", "10115"];
    private static readonly string[] PostalPrefixes = ["80", "803", "SW1A", "sw1a 1", "1", "10115"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Assign_WhenRandomModelsAndAccounts_AgreesWithTheNaiveReference(int seed)
    {
        var random = new Random(seed);
        for (var model = 0; model < 40; model++)
        {
            var territories = RandomModel(random);
            var compiled = CompiledTerritoryModel.Compile(new TerritoryModel { EffectiveFrom = TerritoryModels.January, Territories = territories });
            for (var a = 0; a < 250; a++)
            {
                var account = RandomAccount(random);
                var expected = Reference(territories, account);

                Assert.Equal(expected, compiled.Assign(account));
                Assert.Equal(expected, compiled.Explain(account).Assignment);
            }
        }
    }

    [Fact]
    public void Reference_WhenEngineWouldIgnoreTheTieBreak_WouldDisagree()
    {
        // Guards the guard: two territories the engine must separate only by id.
        var rule = new TerritoryRule { Priority = 1, Countries = ["DE"] };
        Territory[] territories = [new() { Id = "b", Rules = [rule] }, new() { Id = "a", Rules = [rule] }];

        Assert.Equal("a", Reference(territories, TerritoryModels.Account(country: "DE")).PrimaryId);
    }

    private static TerritoryAssignment Reference(IReadOnlyList<Territory> territories, Account account)
    {
        var matches = territories
            .SelectMany(territory => territory.Rules.Select((rule, index) => (Territory: territory, Rule: rule, Index: index)))
            .Where(candidate => Holds(candidate.Rule, account))
            .OrderBy(candidate => candidate.Rule.Priority)
            .ThenByDescending(candidate => ConditionCount(candidate.Rule))
            .ThenBy(candidate => candidate.Territory.Id, StringComparer.Ordinal)
            .ThenBy(candidate => candidate.Index)
            .ToList();
        var primary = matches.FirstOrDefault(candidate => candidate.Territory.Kind == TerritoryKind.Primary).Territory?.Id;
        var overlays = matches.Where(candidate => candidate.Territory.Kind == TerritoryKind.Overlay).Select(candidate => candidate.Territory.Id).Distinct().ToList();
        return new TerritoryAssignment(primary, overlays);
    }

    private static int ConditionCount(TerritoryRule rule) =>
        new object?[] { rule.Countries, rule.Regions, rule.PostalPrefixes, rule.Industries, rule.Employees, rule.AnnualRevenue, rule.Accounts }.Count(condition => condition is not null);

    private static bool Holds(TerritoryRule rule, Account account) =>
        (rule.Accounts is null || rule.Accounts.Contains(account.Id))
        && (rule.Countries is null || rule.Countries.Any(country => string.Equals(country, account.Country, StringComparison.OrdinalIgnoreCase)))
        && (rule.Regions is null || rule.Regions.Any(region => string.Equals(region, account.Region, StringComparison.OrdinalIgnoreCase)))
        && (rule.Industries is null || rule.Industries.Any(industry => string.Equals(industry, account.Industry, StringComparison.OrdinalIgnoreCase)))
        && (rule.PostalPrefixes is null || (account.PostalCode is not null && rule.PostalPrefixes.Any(prefix => Postal(account.PostalCode).StartsWith(Postal(prefix), StringComparison.Ordinal))))
        && (rule.Employees is null || (account.Employees is { } employees && (rule.Employees.Min is null || employees >= rule.Employees.Min) && (rule.Employees.Max is null || employees <= rule.Employees.Max)))
        && (rule.AnnualRevenue is null || (account.AnnualRevenue is { } revenue && (rule.AnnualRevenue.Min is null || revenue >= rule.AnnualRevenue.Min) && (rule.AnnualRevenue.Max is null || revenue <= rule.AnnualRevenue.Max)));

    private static string Postal(string value) => new string([.. value.Where(ch => ch is not (' ' or '-'))]).ToUpperInvariant();

    private static List<Territory> RandomModel(Random random)
    {
        var territories = new List<Territory>();
        var count = random.Next(1, 40);
        for (var i = 0; i < count; i++)
        {
            // Mixed-case first letters make the ordinal id tie-break visible.
            var id = $"{"aAbB"[random.Next(4)]}{i}";
            var rules = Enumerable.Range(0, random.Next(1, 3)).Select(_ => RandomRule(random)).ToList();
            territories.Add(new Territory { Id = id, Kind = random.Next(5) == 0 ? TerritoryKind.Overlay : TerritoryKind.Primary, Rules = rules });
        }

        return territories;
    }

    private static TerritoryRule RandomRule(Random random)
    {
        bool Maybe() => random.Next(3) == 0;
        string[] Some(string[] values) => [.. values.Where(_ => random.Next(2) == 0).DefaultIfEmpty(values[random.Next(values.Length)])];
        int? Bound(int max) => random.Next(3) == 0 ? null : random.Next(max);
        var low = Bound(500);
        var high = Bound(500);
        var employees = low is { } l && high is { } h && l > h ? new Band<int>(h, l) : new Band<int>(low, high);
        if (employees is { Min: null, Max: null })
        {
            employees = new Band<int>(0, null);
        }

        return new TerritoryRule
        {
            Priority = random.Next(1, 4),
            Countries = Maybe() || random.Next(2) == 0 ? Some(Countries) : null,
            Regions = Maybe() ? Some(Regions) : null,
            PostalPrefixes = Maybe() ? Some(PostalPrefixes) : null,
            Industries = Maybe() ? Some(Industries) : null,
            Employees = Maybe() ? employees : null,
            AnnualRevenue = Maybe() ? (random.Next(2) == 0 ? new Band<decimal>(random.Next(100) * 10_000m, null) : new Band<decimal>(random.Next(2) == 0 ? null : random.Next(100) * 10_000m, 1_000_000m + random.Next(100))) : null,
            Accounts = random.Next(6) == 0 ? [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => $"acc-{random.Next(20)}")] : null,
        };
    }

    private static Account RandomAccount(Random random)
    {
        T? Maybe<T>(T[] values) where T : class => random.Next(6) == 0 ? null : values[random.Next(values.Length)];
        return TerritoryModels.Account(
            $"acc-{random.Next(25)}",
            Maybe([.. Countries, "de", "CH"]),
            Maybe([.. Regions, "by"]),
            Maybe(PostalCodes),
            Maybe([.. Industries, "retail"]),
            random.Next(6) == 0 ? null : random.Next(600),
            random.Next(6) == 0 ? null : random.Next(120) * 10_000m);
    }
}
