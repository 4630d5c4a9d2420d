using System.Globalization;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Territories;

namespace SalesFunctions.Benchmarks;

/// <summary>
/// A seeded synthetic tenant: a 1,000-territory model (named accounts, geography, segments, industries, overlays,
/// under a global → region hierarchy) and accounts with firmographics spread over the same countries and values.
/// </summary>
public sealed class TerritoryBenchmarkData
{
    private static readonly string[] Countries =
    [
        "US", "US", "US", "DE", "DE", "GB", "GB", "FR", "CA", "AU", "NL", "SE", "CH", "AT", "ES", "IT", "JP", "BR", "IN",
        "SG", "IE", "BE", "DK", "NO", "FI", "PL", "MX", "NZ", "ZA", "KR", "PT", "CZ", "IL", "AE",
    ];

    private static readonly string[] Industries =
    [
        "Retail", "Health", "Finance", "Energy", "Logistics", "Manufacturing", "Software", "Media", "Education",
        "Government", "Telecom", "Hospitality",
    ];

    private static readonly string[] WorldRegions = ["amer", "emea", "apac", "latam", "mea"];

    private TerritoryBenchmarkData(TerritoryModel model, IReadOnlyList<Account> accounts)
    {
        Model = model;
        Accounts = accounts;
    }

    public TerritoryModel Model { get; }

    public IReadOnlyList<Account> Accounts { get; }

    public static TerritoryBenchmarkData Generate(int seed, int accountCount, int territoryCount)
    {
        var random = new Random(seed);
        var accounts = Enumerable.Range(0, accountCount).Select(i => RandomAccount(random, i)).ToList();
        var territories = new List<Territory> { new() { Id = "global", Name = "Global" } };
        territories.AddRange(WorldRegions.Select(region => new Territory { Id = region, ParentId = "global" }));
        territories.Add(new Territory { Id = "specialists", Kind = TerritoryKind.Overlay });

        // The mix below for 1,000 territories: 100 named-account, 250 segment, 100 industry, 40 overlay, the rest geography.
        var scale = territoryCount / 1000.0;
        var named = (int)(100 * scale);
        var segments = (int)(250 * scale);
        var industries = (int)(100 * scale);
        var overlays = (int)(40 * scale);
        var geography = territoryCount - territories.Count - named - segments - industries - overlays;
        for (var i = 0; i < named; i++)
        {
            var ids = Enumerable.Range(0, 5).Select(_ => accounts[random.Next(accounts.Count)].Id).Distinct().ToArray();
            territories.Add(Primary($"named-{i:000}", new TerritoryRule { Priority = 10 + random.Next(10), Accounts = ids }, random));
        }

        for (var i = 0; i < geography; i++)
        {
            var rule = new TerritoryRule
            {
                Priority = 100 + (random.Next(20) * 10),
                Countries = Some(random, Countries, 1, 3),
                Regions = random.Next(2) == 0 ? [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Region(random)).Distinct()] : null,
                PostalPrefixes = random.Next(5) == 0 ? [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(10, 100).ToString(CultureInfo.InvariantCulture)).Distinct()] : null,
            };
            territories.Add(Primary($"geo-{i:000}", rule, random));
        }

        for (var i = 0; i < segments; i++)
        {
            var low = random.Next(4) switch { 0 => 1, 1 => 200, 2 => 1000, _ => 5000 };
            var rule = new TerritoryRule
            {
                Priority = 50 + (random.Next(10) * 10),
                Countries = random.Next(10) == 0 ? null : Some(random, Countries, 1, 4),
                Employees = random.Next(3) == 0 ? null : new Band<int>(low, low == 5000 ? null : (low * 5) - 1),
                AnnualRevenue = random.Next(3) == 0 ? new Band<decimal>(low * 100_000m, null) : null,
            };
            territories.Add(Primary($"segment-{i:000}", rule, random));
        }

        for (var i = 0; i < industries; i++)
        {
            var rule = new TerritoryRule
            {
                Priority = 150 + (random.Next(10) * 10),
                Countries = random.Next(3) == 0 ? null : Some(random, Countries, 2, 6),
                Industries = Some(random, Industries, 1, 3),
            };
            territories.Add(Primary($"industry-{i:000}", rule, random));
        }

        for (var i = 0; i < overlays; i++)
        {
            var rule = new TerritoryRule
            {
                Priority = 500,
                Industries = Some(random, Industries, 1, 2),
                AnnualRevenue = new Band<decimal>(random.Next(1, 50) * 1_000_000m, null),
            };
            territories.Add(new Territory { Id = $"overlay-{i:00}", Kind = TerritoryKind.Overlay, ParentId = "specialists", Members = [$"rep-o{i:00}"], Rules = [rule] });
        }

        var model = new TerritoryModel { EffectiveFrom = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), Territories = territories };
        return new TerritoryBenchmarkData(model, accounts);
    }

    private static Territory Primary(string id, TerritoryRule rule, Random random) => new()
    {
        Id = id,
        ParentId = WorldRegions[random.Next(WorldRegions.Length)],
        Members = [$"rep-{random.Next(400):000}"],
        Rules = [rule],
    };

    private static string[] Some(Random random, string[] values, int min, int max) =>
        [.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => values[random.Next(values.Length)]).Distinct()];

    private static string Region(Random random) => $"R{random.Next(10)}";

    private static Account RandomAccount(Random random, int index)
    {
        // Employees roughly log-uniform from 1 to 100,000; revenue per employee 50k-300k.
        var employees = (int)Math.Pow(10, random.NextDouble() * 5);
        return new Account($"acc-{index:000000}", $"Account {index}", [$"a{index}.example"])
        {
            Country = random.Next(50) == 0 ? null : Countries[random.Next(Countries.Length)],
            Region = Region(random),
            PostalCode = random.Next(10000, 100000).ToString(CultureInfo.InvariantCulture),
            Industry = Industries[random.Next(Industries.Length)],
            Employees = random.Next(30) == 0 ? null : employees,
            AnnualRevenue = random.Next(30) == 0 ? null : employees * (decimal)random.Next(50_000, 300_000),
        };
    }
}
