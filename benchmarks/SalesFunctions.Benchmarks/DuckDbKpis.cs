using System.Diagnostics;
using DuckDB.NET.Data;
using SalesFunctions.Core.Crm;

namespace SalesFunctions.Benchmarks;

/// <summary>
/// The DuckDB side of the KPI benchmark: the benchmark data loaded into an in-memory database (activities, their
/// participants and territory stamps, reps, accounts, deals, cases, exchange rates; local days computed in the tenant's
/// time zone on load), and SQL that applies the same credit rules and formulas as the catalogue for every dimension
/// and grain. Only the queries are timed, not the load.
/// </summary>
internal sealed class DuckDbKpis : IDisposable
{
    /// <summary>The catalogue KPIs the SQL computes; the benchmark compares these cell by cell.</summary>
    public static readonly string[] Compared =
    [
        "emailsSent", "emailsReceived", "meetings", "meetingMinutes", "touchpoints", "uniqueAccounts", "uniqueContacts",
        "dealsCreated", "dealsWon", "dealsLost", "revenueWon", "winRate", "averageDealSize", "casesOpened", "casesResolved", "resolutionRate",
    ];

    private const string Grains = """
        grained AS (
          SELECT 'Day' AS grain, strftime(day, '%Y-%m-%d') AS period, * FROM base
          UNION ALL SELECT 'Week', strftime(day, '%G-W%V'), * FROM base
          UNION ALL SELECT 'Month', strftime(day, '%Y-%m'), * FROM base
          UNION ALL SELECT 'Quarter', CAST(year(day) AS VARCHAR) || '-Q' || CAST(quarter(day) AS VARCHAR), * FROM base)
        """;

    private static readonly string ActivitySql = $$"""
        WITH ext AS (SELECT DISTINCT activity_id FROM participants WHERE NOT internal),
        credited AS (
          SELECT a.id, a.day, a.minutes, r.rep_id, r.team_id,
            CASE WHEN a.kind = 'email' AND a.outbound AND p.role = 'From' THEN 'sent'
                 WHEN a.kind = 'email' AND NOT a.outbound AND p.role IN ('To', 'Cc') THEN 'received'
                 WHEN a.kind = 'meeting' AND (p.role = 'Organizer' OR (p.role = 'Attendee' AND NOT p.declined)) THEN 'meeting' END AS credit
          FROM activities a
          JOIN ext ON ext.activity_id = a.id
          JOIN participants p ON p.activity_id = a.id AND p.internal
          JOIN reps r ON r.email = p.email),
        c AS (SELECT * FROM credited WHERE credit IS NOT NULL),
        acct AS (SELECT DISTINCT activity_id, account_id FROM participants WHERE NOT internal AND account_id IS NOT NULL),
        keyed AS (
          SELECT 'Rep' AS dim, rep_id AS key, id, day, minutes, credit FROM c
          UNION ALL SELECT 'Team', team_id, id, day, minutes, credit FROM c
          UNION ALL SELECT 'Tenant', 'all', id, day, minutes, credit FROM c
          UNION ALL SELECT 'Territory', t.territory, c.id, c.day, c.minutes, c.credit FROM c JOIN activity_territories t ON t.activity_id = c.id
          UNION ALL SELECT 'Account', acct.account_id, c.id, c.day, c.minutes, c.credit FROM c JOIN acct ON acct.activity_id = c.id),
        base AS (SELECT DISTINCT dim, key, id, day, minutes, credit FROM keyed),
        {{Grains}},
        counted AS (
          SELECT grain, period, dim, key,
            count(*) FILTER (WHERE credit = 'sent') AS sent,
            count(*) FILTER (WHERE credit = 'received') AS received,
            count(*) FILTER (WHERE credit = 'meeting') AS meetings,
            coalesce(sum(minutes) FILTER (WHERE credit = 'meeting'), 0) AS minutes
          FROM grained GROUP BY ALL),
        reached AS (
          SELECT g.grain, g.period, g.dim, g.key, count(DISTINCT p.account_id) AS accounts, count(DISTINCT p.email) AS contacts
          FROM (SELECT DISTINCT grain, period, dim, key, id FROM grained) g
          JOIN participants p ON p.activity_id = g.id AND NOT p.internal
          GROUP BY ALL)
        SELECT c.grain, c.period, c.dim, c.key, c.sent, c.received, c.meetings, c.minutes, c.sent + c.received + c.meetings AS touchpoints,
          coalesce(r.accounts, 0) AS accounts, coalesce(r.contacts, 0) AS contacts
        FROM counted c LEFT JOIN reached r USING (grain, period, dim, key)
        """;

    private static readonly string DealSql = $$"""
        WITH owned AS (
          SELECT d.*, r.rep_id, r.team_id, d.amount * x.rate AS amount_reporting
          FROM deals d LEFT JOIN reps r ON r.email = d.owner LEFT JOIN rates x ON x.currency = d.currency),
        facts AS (
          SELECT id, 'created' AS fact, created_day AS day, rep_id, team_id, account_id, amount_reporting FROM owned WHERE created_day IS NOT NULL
          UNION ALL SELECT id, status, closed_day, rep_id, team_id, account_id, amount_reporting FROM owned WHERE status IN ('won', 'lost')),
        base AS (
          SELECT 'Rep' AS dim, rep_id AS key, fact, day, amount_reporting FROM facts WHERE rep_id IS NOT NULL
          UNION ALL SELECT 'Team', team_id, fact, day, amount_reporting FROM facts WHERE team_id IS NOT NULL
          UNION ALL SELECT 'Tenant', 'all', fact, day, amount_reporting FROM facts
          UNION ALL SELECT 'Account', f.account_id, fact, day, amount_reporting FROM facts f JOIN accounts a ON a.account_id = f.account_id),
        {{Grains}}
        SELECT grain, period, dim, key, created, won, lost, revenue,
          CASE WHEN won + lost = 0 THEN NULL ELSE round(won / (won + lost), 4) END AS win_rate,
          CASE WHEN won_converted = 0 THEN NULL ELSE round(revenue / won_converted, 2) END AS average_deal_size
        FROM (
          SELECT grain, period, dim, key,
            count(*) FILTER (WHERE fact = 'created') AS created,
            count(*) FILTER (WHERE fact = 'won') AS won,
            count(*) FILTER (WHERE fact = 'won' AND amount_reporting IS NOT NULL) AS won_converted,
            count(*) FILTER (WHERE fact = 'lost') AS lost,
            coalesce(sum(amount_reporting) FILTER (WHERE fact = 'won'), 0) AS revenue
          FROM grained GROUP BY ALL)
        """;

    private static readonly string CaseSql = $$"""
        WITH owned AS (SELECT c.*, r.rep_id, r.team_id FROM cases c LEFT JOIN reps r ON r.email = c.owner),
        facts AS (
          SELECT id, 'opened' AS fact, opened_day AS day, rep_id, team_id, account_id FROM owned WHERE opened_day IS NOT NULL
          UNION ALL SELECT id, 'resolved', resolved_day, rep_id, team_id, account_id FROM owned WHERE resolved_day IS NOT NULL),
        base AS (
          SELECT 'Rep' AS dim, rep_id AS key, fact, day FROM facts WHERE rep_id IS NOT NULL
          UNION ALL SELECT 'Team', team_id, fact, day FROM facts WHERE team_id IS NOT NULL
          UNION ALL SELECT 'Tenant', 'all', fact, day FROM facts
          UNION ALL SELECT 'Account', f.account_id, fact, day FROM facts f JOIN accounts a ON a.account_id = f.account_id),
        {{Grains}}
        SELECT grain, period, dim, key, opened, resolved,
          CASE WHEN opened = 0 THEN NULL ELSE round(resolved / opened, 4) END AS resolution_rate
        FROM (
          SELECT grain, period, dim, key, count(*) FILTER (WHERE fact = 'opened') AS opened, count(*) FILTER (WHERE fact = 'resolved') AS resolved
          FROM grained GROUP BY ALL)
        """;

    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public DuckDbKpis(KpiBenchmarkData data)
    {
        _connection.Open();
        Execute("""
            CREATE TABLE activities (id VARCHAR, kind VARCHAR, outbound BOOLEAN, day DATE, minutes INTEGER);
            CREATE TABLE participants (activity_id VARCHAR, email VARCHAR, role VARCHAR, internal BOOLEAN, declined BOOLEAN, account_id VARCHAR);
            CREATE TABLE activity_territories (activity_id VARCHAR, territory VARCHAR);
            CREATE TABLE reps (email VARCHAR, rep_id VARCHAR, team_id VARCHAR);
            CREATE TABLE accounts (account_id VARCHAR);
            CREATE TABLE deals (id VARCHAR, owner VARCHAR, account_id VARCHAR, created_day DATE, status VARCHAR, closed_day DATE, amount DOUBLE, currency VARCHAR);
            CREATE TABLE cases (id VARCHAR, owner VARCHAR, account_id VARCHAR, opened_day DATE, resolved_day DATE);
            CREATE TABLE rates (currency VARCHAR, rate DOUBLE);
            """);
        var directory = data.Directory;
        using (var activities = _connection.CreateAppender("activities"))
        using (var participants = _connection.CreateAppender("participants"))
        using (var territories = _connection.CreateAppender("activity_territories"))
        {
            foreach (var activity in data.Activities)
            {
                activities.CreateRow().AppendValue(activity.ActivityId).AppendValue(activity.Kind == Core.Activities.ActivityKind.Email ? "email" : "meeting")
                    .AppendValue(activity.Direction == Core.Activities.ActivityDirection.Outbound).AppendValue(directory.LocalDay(activity.OccurredAt))
                    .AppendValue(activity.DurationMinutes).EndRow();
                foreach (var p in activity.Participants)
                {
                    participants.CreateRow().AppendValue(activity.ActivityId).AppendValue(p.Email).AppendValue(p.Role.ToString()).AppendValue(p.IsInternal)
                        .AppendValue(p.Declined).AppendValue(p.AccountId).EndRow();
                }

                foreach (var territory in activity.Territories)
                {
                    territories.CreateRow().AppendValue(activity.ActivityId).AppendValue(territory).EndRow();
                }
            }
        }

        using (var reps = _connection.CreateAppender("reps"))
        {
            foreach (var rep in directory.Reps)
            {
                reps.CreateRow().AppendValue(rep.Email).AppendValue(rep.Id).AppendValue(rep.TeamId).EndRow();
            }
        }

        using (var accounts = _connection.CreateAppender("accounts"))
        {
            foreach (var account in directory.Accounts)
            {
                accounts.CreateRow().AppendValue(account.Id).EndRow();
            }
        }

        using (var deals = _connection.CreateAppender("deals"))
        {
            foreach (var deal in data.Deals)
            {
                var facts = CrmFact.Of(deal);
                DateOnly? Day(CrmFactKind kind) => facts.FirstOrDefault(f => f.Kind == kind) is { } fact ? directory.LocalDay(fact.At) : null;
                var closed = Day(CrmFactKind.DealWon) ?? Day(CrmFactKind.DealLost);
                deals.CreateRow().AppendValue(deal.ExternalId).AppendValue(deal[CrmFields.OwnerId]).AppendValue(deal[CrmFields.AccountId])
                    .AppendValue(Day(CrmFactKind.DealCreated)).AppendValue(deal[CrmFields.Status]).AppendValue(closed)
                    .AppendValue(deal[CrmFields.Amount] is { } amount ? double.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) : (double?)null).AppendValue(deal[CrmFields.Currency]).EndRow();
            }
        }

        using (var cases = _connection.CreateAppender("cases"))
        {
            foreach (var record in data.Cases)
            {
                var facts = CrmFact.Of(record);
                DateOnly? Day(CrmFactKind kind) => facts.FirstOrDefault(f => f.Kind == kind) is { } fact ? directory.LocalDay(fact.At) : null;
                cases.CreateRow().AppendValue(record.ExternalId).AppendValue(record[CrmFields.OwnerId]).AppendValue(record[CrmFields.AccountId])
                    .AppendValue(Day(CrmFactKind.CaseOpened)).AppendValue(Day(CrmFactKind.CaseResolved)).EndRow();
            }
        }

        using (var rates = _connection.CreateAppender("rates"))
        {
            rates.CreateRow().AppendValue(data.Crm.ReportingCurrency).AppendValue(1.0).EndRow();
            foreach (var (currency, rate) in data.Crm.ExchangeRates)
            {
                rates.CreateRow().AppendValue(currency).AppendValue((double)rate).EndRow();
            }
        }
    }

    /// <summary>Runs the three queries; the cells keyed by grain, period, dimension and key, with the compared KPIs.</summary>
    public (Dictionary<(string Grain, string Period, string Dimension, string Key), Dictionary<string, decimal?>> Cells, TimeSpan Elapsed) Compute()
    {
        var cells = new Dictionary<(string, string, string, string), Dictionary<string, decimal?>>();
        Dictionary<string, decimal?> Cell(DuckDBDataReader r)
        {
            var key = (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3));
            if (!cells.TryGetValue(key, out var cell))
            {
                cells[key] = cell = new Dictionary<string, decimal?>(StringComparer.Ordinal);
            }

            return cell;
        }

        // Sums of integers come back as HUGEINT (BigInteger).
        decimal? Value(DuckDBDataReader r, int i) => r.IsDBNull(i) ? null
            : r.GetValue(i) is System.Numerics.BigInteger big ? (decimal)big
            : Convert.ToDecimal(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        Read(ActivitySql, r =>
        {
            var cell = Cell(r);
            string[] names = ["emailsSent", "emailsReceived", "meetings", "meetingMinutes", "touchpoints", "uniqueAccounts", "uniqueContacts"];
            for (var i = 0; i < names.Length; i++)
            {
                cell[names[i]] = Value(r, 4 + i);
            }
        });
        Read(DealSql, r =>
        {
            var cell = Cell(r);
            string[] names = ["dealsCreated", "dealsWon", "dealsLost", "revenueWon", "winRate", "averageDealSize"];
            for (var i = 0; i < names.Length; i++)
            {
                cell[names[i]] = Value(r, 4 + i);
            }
        });
        Read(CaseSql, r =>
        {
            var cell = Cell(r);
            string[] names = ["casesOpened", "casesResolved", "resolutionRate"];
            for (var i = 0; i < names.Length; i++)
            {
                cell[names[i]] = Value(r, 4 + i);
            }
        });
        return (cells, clock.Elapsed);
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void Read(string sql, Action<DuckDBDataReader> row)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = (DuckDBDataReader)command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }
}
