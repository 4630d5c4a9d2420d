using System.Globalization;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Benchmarks;

/// <summary>
/// A year of one tenant's selling, generated from a fixed seed: 100 reps in 10 teams, 10,000 accounts stamped with one
/// of 50 territories and one of 5 regions, the requested number of activities (45 % emails out, 40 % in, 15 %
/// meetings; replies thread by rep, account and week; some with a second rep; on one account in ten the rep works outside
/// its territories), deals (30 % won, 30 % lost, 80 % USD, 15 % EUR with a rate, 5 % JPY without one) and cases. The
/// same objects feed both sides of the KPI benchmark.
/// </summary>
internal sealed class KpiBenchmarkData
{
    public const string Tenant = "bench";
    public const string Connector = "bench-crm";
    public static readonly DateOnly FirstDay = new(2026, 1, 1);

    public KpiBenchmarkData(int activities, int deals, int cases, int seed = 20261123)
    {
        var random = new Random(seed);
        var teams = Enumerable.Range(0, 10).Select(t => new Team($"team-{t}", $"Team {t}")).ToList();
        var reps = Enumerable.Range(0, 100).Select(r => new Rep($"rep-{r:000}", $"rep-{r:000}@seller.example", $"Rep {r}", $"team-{r % 10}")).ToList();
        var accounts = Enumerable.Range(0, 10_000).Select(a => new Account($"acc-{a:00000}", $"Account {a}", [$"a{a}.example"])).ToList();
        Directory = new TenantDirectory(Tenant, ["seller.example"], "Europe/Berlin", teams, reps, accounts);
        Crm = new CrmOptions { ReportingCurrency = "USD" };
        Crm.ExchangeRates["EUR"] = 1.08m;
        Crm.Connectors[Connector] = new CrmConnector { TenantId = Tenant, Provider = CrmProvider.Generic, Secret = "bench" };

        var yearStart = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var list = new List<Activity>(activities);
        for (var i = 0; i < activities; i++)
        {
            var rep = reps[random.Next(reps.Count)];
            var account = random.Next(accounts.Count);
            var contact = $"c{random.Next(5)}@a{account}.example";
            var at = yearStart.AddMinutes(random.Next(365 * 24 * 60));
            var territories = new[] { $"region-{account % 5}", $"t-{account % 50:00}" };
            var second = random.Next(10) == 0 ? reps[random.Next(reps.Count)] : null;
            var roll = random.Next(100);
            var conversation = string.Create(CultureInfo.InvariantCulture, $"{rep.Id}-{account}-{ISOWeek.GetWeekOfYear(at.UtcDateTime)}");
            Activity activity;
            if (roll < 85)
            {
                var outbound = roll < 45;
                List<Participant> people = outbound
                    ? [new(rep.Email, ParticipantRole.From, true), new(contact, ParticipantRole.To, false, AccountId: accounts[account].Id, MatchedBy: Core.Scoring.AccountMatchMethod.Domain)]
                    : [new(contact, ParticipantRole.From, false, AccountId: accounts[account].Id, MatchedBy: Core.Scoring.AccountMatchMethod.Domain), new(rep.Email, ParticipantRole.To, true)];
                if (second is not null && second != rep)
                {
                    people.Add(new(second.Email, ParticipantRole.Cc, true));
                }

                activity = new Activity(Tenant, $"em-{i:x}", ActivityKind.Email, outbound ? ActivityDirection.Outbound : ActivityDirection.Inbound, at, null, conversation, people);
            }
            else
            {
                List<Participant> people =
                [
                    new(rep.Email, ParticipantRole.Organizer, true),
                    new(contact, ParticipantRole.Attendee, false, AccountId: accounts[account].Id, MatchedBy: Core.Scoring.AccountMatchMethod.Domain),
                ];
                if (second is not null && second != rep)
                {
                    people.Add(new(second.Email, ParticipantRole.Attendee, true, Declined: random.Next(4) == 0));
                }

                activity = new Activity(Tenant, $"mt-{i:x}", ActivityKind.Meeting, ActivityDirection.Outbound, at, at.AddMinutes(random.Next(2) == 0 ? 30 : 60), null, people);
            }

            // On every tenth account the rep works outside its territories: derived, not drawn, so the seeded data stays as it was.
            list.Add(activity with { Territories = territories, RepsOutsideTerritory = account % 10 == 0 ? [rep.Id] : [] });
        }

        Activities = list;
        Deals = [.. Enumerable.Range(0, deals).Select(d => Deal(random, d, reps, accounts, yearStart))];
        Cases = [.. Enumerable.Range(0, cases).Select(c => Case(random, c, reps, accounts, yearStart))];
    }

    public TenantDirectory Directory { get; }

    public CrmOptions Crm { get; }

    public IReadOnlyList<Activity> Activities { get; }

    public IReadOnlyList<CrmRecord> Deals { get; }

    public IReadOnlyList<CrmRecord> Cases { get; }

    private static CrmRecord Deal(Random random, int index, List<Rep> reps, List<Account> accounts, DateTimeOffset yearStart)
    {
        var created = yearStart.AddMinutes(random.Next(365 * 24 * 60));
        var roll = random.Next(100);
        var currency = roll < 80 ? "USD" : roll < 95 ? "EUR" : "JPY";
        var fields = new Dictionary<string, string?>
        {
            [CrmFields.CreatedAt] = Instant(created),
            [CrmFields.OwnerId] = reps[random.Next(reps.Count)].Email,
            [CrmFields.AccountId] = accounts[random.Next(accounts.Count)].Id,
            [CrmFields.Amount] = Number(random.Next(1_000, 100_000)),
            [CrmFields.Currency] = currency,
            [CrmFields.Pipeline] = random.Next(10) == 0 ? "renewal" : "new-business",
            [CrmFields.Source] = random.Next(10) < 4 ? "marketing" : "sales",
            [CrmFields.CloseDate] = Instant(created.AddDays(random.Next(5, 120))),
        };
        var status = random.Next(10);
        fields[CrmFields.Status] = status < 3 ? CrmFields.Won : status < 6 ? CrmFields.Lost : CrmFields.Open;
        if (status < 6)
        {
            fields[CrmFields.ClosedAt] = Instant(created.AddDays(random.Next(5, 120)));
        }

        return Record(CrmEntityKind.Deal, $"deal-{index}", created, fields);
    }

    private static CrmRecord Case(Random random, int index, List<Rep> reps, List<Account> accounts, DateTimeOffset yearStart)
    {
        var opened = yearStart.AddMinutes(random.Next(365 * 24 * 60));
        var fields = new Dictionary<string, string?>
        {
            [CrmFields.OpenedAt] = Instant(opened),
            [CrmFields.OwnerId] = reps[random.Next(reps.Count)].Email,
            [CrmFields.AccountId] = accounts[random.Next(accounts.Count)].Id,
        };
        if (random.Next(5) > 0)
        {
            fields[CrmFields.ResolvedAt] = Instant(opened.AddHours(random.Next(1, 200)));
            fields[CrmFields.FirstContactResolution] = Bool(random.Next(3) == 0);
            fields[CrmFields.HandleMinutes] = Number(random.Next(5, 240));
            fields[CrmFields.Csat] = Number(random.Next(1, 6));
        }

        return Record(CrmEntityKind.Case, $"case-{index}", opened, fields);
    }

    // The CRM's field formats (docs/crm.md): ISO 8601 instants, invariant numbers, "true"/"false".
    private static string Instant(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    private static CrmRecord Record(CrmEntityKind kind, string id, DateTimeOffset version, Dictionary<string, string?> fields)
    {
        var record = new CrmRecord(Tenant, Connector, kind, id);
        record.Apply(new CrmChange($"{id}-v1", kind, id, version, fields));
        return record;
    }
}
