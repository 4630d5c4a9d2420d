using System.Globalization;
using SalesFunctions.Simulator.Organisation;

namespace SalesFunctions.Simulator.Crm;

/// <summary>
/// Plays a CRM for the demo: each rep's deals are opened, moved and won or lost (or left open) over the simulated days,
/// spread over the five connectors, and service cases opened and resolved; every change is sent as its CRM's signed
/// webhook, shuffled and partly duplicated, because real CRMs retry and do not keep order. The ground truth is per rep
/// and day.
/// </summary>
public sealed class CrmPlayer
{
    private readonly SimulatorOptions _options;

    public CrmPlayer(DemoOrganisation organisation, SimulatorOptions options)
    {
        _options = options;
        var random = new Random(options.Seed + 7);
        var start = new DateTimeOffset(options.FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = start.AddDays(options.Days);
        var deals = new List<SimDeal>();
        var cases = new List<SimCase>();
        var providers = CrmDemoConnectors.All;
        foreach (var rep in organisation.Reps)
        {
            for (var d = 0; d < 4; d++)
            {
                var number = 100_000 + deals.Count + 1;
                var (provider, connector) = providers[deals.Count % providers.Count];
                var created = start.AddMinutes(random.Next(0, options.Days * 24 * 60 - 60));
                var history = new List<SimDealState> { new(created, 1, "open") };
                var at = created.AddHours(random.Next(4, 96));
                if (at < end)
                {
                    history.Add(new SimDealState(at, 2, "open"));
                }

                var outcome = random.Next(100);
                at = at.AddHours(random.Next(4, 240));
                if (at < end && outcome < 85)
                {
                    history.Add(new SimDealState(at, 3, outcome < 55 ? "won" : "lost"));
                }

                // Dataverse webhooks name a currency record, not a code: the demo's Dynamics deals are in the default (USD).
                var currency = provider != "dynamics" && random.Next(4) == 0 ? "EUR" : "USD";
                var account = organisation.Accounts[random.Next(organisation.Accounts.Count)];
                deals.Add(new SimDeal(number.ToString(CultureInfo.InvariantCulture), connector, provider, rep.Email, rep.RepId!, account.Id,
                    $"{account.Name} expansion {d + 1}", random.Next(2, 120) * 500m, currency, created, history));
            }

            for (var c = 0; c < random.Next(1, 4); c++)
            {
                var opened = start.AddMinutes(random.Next(0, options.Days * 24 * 60 - 60));
                var resolved = opened.AddHours(random.Next(1, 96));
                cases.Add(new SimCase($"case-{cases.Count + 1:0000}", rep.Email, rep.RepId!, organisation.Accounts[random.Next(organisation.Accounts.Count)].Id,
                    opened, random.Next(10) < 7 && resolved < end ? resolved : null));
            }
        }

        Deals = deals;
        Cases = cases;
    }

    public IReadOnlyList<SimDeal> Deals { get; }

    public IReadOnlyList<SimCase> Cases { get; }

    /// <summary>
    /// Sends every change as a webhook, shuffled, 20 % of them twice, four at a time; each <paramref name="round"/> in
    /// another order.
    /// </summary>
    public async Task<CrmPlayed> PlayAsync(HttpClient host, CancellationToken cancellationToken, int round = 0)
    {
        var random = new Random(_options.Seed + 11 + round);
        var sends = Deals.SelectMany(deal => deal.History.Select((_, i) => (Func<HttpRequestMessage>)(() => CrmWebhookWriter.Deal(host.BaseAddress!, deal, i, _options.Clock.GetUtcNow()))))
            .Concat(Cases.Select(item => (Func<HttpRequestMessage>)(() => CrmWebhookWriter.Case(host.BaseAddress!, item, resolved: false))))
            .Concat(Cases.Where(c => c.ResolvedAt is not null).Select(item => (Func<HttpRequestMessage>)(() => CrmWebhookWriter.Case(host.BaseAddress!, item, resolved: true))))
            .ToList();
        return await SendAllAsync(host, [.. sends.Concat(sends.Where(_ => random.Next(5) == 0)).OrderBy(_ => random.Next())], cancellationToken);
    }

    /// <summary>Sends the webhooks four at a time; the answers that were not 2xx, and how long acknowledgements took.</summary>
    public static async Task<CrmPlayed> SendAllAsync(HttpClient host, IReadOnlyList<Func<HttpRequestMessage>> sends, CancellationToken cancellationToken)
    {
        if (sends.Count == 0)
        {
            return new CrmPlayed(0, [], 0, 0);
        }

        var errors = new System.Collections.Concurrent.ConcurrentBag<string>();
        var milliseconds = new System.Collections.Concurrent.ConcurrentBag<double>();
        await Parallel.ForEachAsync(sends, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (send, token) =>
        {
            using var request = send();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var response = await host.SendAsync(request, token);
            milliseconds.Add(clock.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                errors.Add($"{request.RequestUri!.AbsolutePath}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(token)}");
            }
        });
        var sorted = milliseconds.Order().ToList();
        return new CrmPlayed(sends.Count, [.. errors], sorted[(int)(sorted.Count * 0.95)], sorted[^1]);
    }

    /// <summary>Per rep id and day (yyyy-MM-dd, UTC as the demo tenant): what the performance KPIs must say.</summary>
    public Dictionary<string, Dictionary<string, PerformanceCounts>> Truth()
    {
        var truth = new Dictionary<string, Dictionary<string, PerformanceCounts>>();
        PerformanceCounts Cell(string rep, DateTimeOffset at)
        {
            var days = truth.TryGetValue(rep, out var found) ? found : truth[rep] = [];
            var day = at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return days.TryGetValue(day, out var counts) ? counts : days[day] = new PerformanceCounts();
        }

        foreach (var deal in Deals)
        {
            Cell(deal.OwnerRepId, deal.CreatedAt).DealsCreated++;
            var final = deal.Final;
            if (final.Status == "won")
            {
                var cell = Cell(deal.OwnerRepId, final.At);
                cell.DealsWon++;
                cell.RevenueWon += deal.Currency == "EUR" ? deal.Amount * CrmDemoConnectors.EurToUsd : deal.Amount;
            }
            else if (final.Status == "lost")
            {
                Cell(deal.OwnerRepId, final.At).DealsLost++;
            }
        }

        foreach (var item in Cases)
        {
            Cell(item.OwnerRepId, item.OpenedAt).CasesOpened++;
            if (item.ResolvedAt is { } resolved)
            {
                Cell(item.OwnerRepId, resolved).CasesResolved++;
            }
        }

        return truth;
    }
}
