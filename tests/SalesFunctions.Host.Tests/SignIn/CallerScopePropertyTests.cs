using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Scoring;
using SalesFunctions.Core.Security;

namespace SalesFunctions.Host.Tests.SignIn;

/// <summary>
/// Random callers (tenant, role, who) against random requests (path, tenant, team, rep, account) through every read path
/// of the real Host: what comes back never lies outside the caller's scope, as an independent model of the rules in
/// docs/security.md says it, and nothing is stored by any of it. Ids and counts differ per tenant and per rep, so an
/// answer that read another tenant's or another rep's data shows. Rollup requests are off: the test rolls up itself, and
/// no request may turn visible in the queue while it compares storage.
/// </summary>
public sealed class CallerScopePropertyTests() : HostTest(new Dictionary<string, string?> { ["Kpis:RollupDelaySeconds"] = "0" })
{
    private const string Day = "2026-10-05";
    private static readonly string[] Paths =
        ["series-rep", "series-team", "series-tenant", "compare-rep", "leaderboard-rep", "leaderboard-team", "versus-rep", "versus-team",
         "export-rep", "export-team", "qualification", "explain-activity", "explain-territory", "traces", "poison-list", "poison-replay"];

    /// <summary>Tenant A keeps leaderboards to managers; tenant B lets reps see them.</summary>
    private static readonly Org[] Orgs = [new("tenant-a", "a", RepsSeeLeaderboards: false), new("tenant-b", "b", RepsSeeLeaderboards: true)];

    protected override async Task SeedAsync()
    {
        foreach (var org in Orgs)
        {
            using var response = await Host.Client.PutAsync($"/api/admin/tenants/{org.Tenant}/directory", JsonContent(org.Directory()));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            foreach (var rep in org.Reps)
            {
                for (var n = 0; n < org.EmailsSent(rep); n++)
                {
                    await Host.Service<ScoringService>().ScoreAsync(org.Email(rep, n), CancellationToken.None);
                }
            }
        }

        await Host.Service<KpiRollupService>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ReadPaths_WhenRandomCallersAskForRandomEntities_NeverAnswerOutsideTheCallersScopeAndStoreNothing()
    {
        var before = await Host.SnapshotStorageAsync();
        var checkedCases = 0;
        var property = Prop.ForAll(CallerGen.ToArbitrary(), RequestGen.ToArbitrary(), (caller, request) =>
        {
            // FsCheck's properties are synchronous; the Host answers on its own threads, so waiting here cannot deadlock.
            var failure = Task.Run(() => CheckAsync(caller, request)).GetAwaiter().GetResult();
            checkedCases++;
            return failure is null ? true.ToProperty() : false.Label(failure);
        });
        // A new seed each run; a failure prints the seed and size to replay it with Config.WithReplay.
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(160), property);
        var after = await Host.SnapshotStorageAsync();

        Assert.True(checkedCases >= 160);
        Assert.Empty(before.Changes(after));
    }

    [Fact]
    public async Task Qualification_WhenAManagerOrRepWorksTheAccount_AnswersAndOtherwiseRefuses()
    {
        var a = Orgs[0];
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(a, CallerRole.Rep, a.RepEmail("r1"), $"qualification?tenant={a.Tenant}&account={a.Id("acc-1")}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(a, CallerRole.Rep, a.RepEmail("r3"), $"qualification?tenant={a.Tenant}&account={a.Id("acc-1")}"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(a, CallerRole.Manager, a.ManagerEmail("team-2"), $"qualification?tenant={a.Tenant}&account={a.Id("acc-2")}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(a, CallerRole.Manager, a.ManagerEmail("team-2"), $"qualification?tenant={a.Tenant}&account={a.Id("acc-1")}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(a, CallerRole.Manager, a.ManagerEmail("team-1"), $"qualification?tenant={a.Tenant}&account={a.Id("acc-3")}"));
    }

    private static Gen<Caller> CallerGen =>
        from org in Gen.Elements(Orgs)
        from role in Gen.Elements(CallerRole.Admin, CallerRole.Manager, CallerRole.Rep)
        from who in role switch
        {
            CallerRole.Manager => Gen.Elements(org.ManagerEmail("team-1"), org.ManagerEmail("team-2"), $"someone@{org.Domain}"),
            CallerRole.Rep => Gen.Elements([.. org.Reps.Select(org.RepEmail), $"someone@{org.Domain}"]),
            _ => Gen.Constant($"admin@{org.Domain}"),
        }
        select new Caller(org.Tenant, role, "fscheck", who);

    private static Gen<Probe> RequestGen =>
        from path in Gen.Elements(Paths)
        from org in Gen.Elements(Orgs)
        from rep in Gen.Elements([.. org.Reps.Select(org.Id), .. Orgs.First(o => o != org).Reps.Select(o => Orgs.First(x => x != org).Id(o)), "nobody"])
        from team in Gen.Elements(org.Id("team-1"), org.Id("team-2"))
        from account in Gen.Elements(org.Id("acc-1"), org.Id("acc-2"), org.Id("acc-3"))
        select new Probe(path, org.Tenant, rep, team, account);

    /// <returns>Null when the answer keeps to the caller's scope, or what went wrong.</returns>
    private async Task<string?> CheckAsync(Caller caller, Probe probe)
    {
        var org = Orgs.Single(o => o.Tenant == probe.Tenant);
        var scope = Model.Of(caller, Orgs.Single(o => o.Tenant == caller.TenantId));
        var (method, url) = Url(probe, org);
        using var client = Host.AnonymousClient();
        using var request = new HttpRequestMessage(method, "/api/" + url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Host.Token(caller.TenantId, caller.Role, caller.Email));
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var status = response.StatusCode;
        var where = $"{caller.Role} {caller.Email} of {caller.TenantId} -> {method} {url}: {(int)status}";

        bool Refused() => status == HttpStatusCode.Forbidden;
        if (probe.Path.StartsWith("poison", StringComparison.Ordinal))
        {
            // Neither test tenant is the operator tenant: the shared poison queues stay closed to all of them.
            return Refused() ? null : where;
        }

        if (caller.TenantId != probe.Tenant)
        {
            return Refused() ? null : where;
        }

        switch (probe.Path)
        {
            case "series-rep" or "compare-rep":
                // An admin reads any key of their tenant; one the directory lacks has nothing stored, not another's data.
                return scope.Reps.Contains(probe.Rep) || caller.Role == CallerRole.Admin
                    ? SeriesOf(body, org.Reps.Select(org.Id).Contains(probe.Rep) ? org.EmailsSentById(probe.Rep) : 0, probe.Rep, where)
                    : Refused() ? null : where;
            case "series-team":
                return scope.Teams.Contains(probe.Team) ? (status == HttpStatusCode.OK ? null : where) : Refused() ? null : where;
            case "series-tenant":
                return scope.TenantTotals ? (status == HttpStatusCode.OK ? null : where) : Refused() ? null : where;
            case "leaderboard-rep" or "leaderboard-team" or "versus-rep" or "versus-team" or "export-rep" or "export-team":
                if (!scope.Ranks)
                {
                    return Refused() ? null : where;
                }

                var listed = Listed(probe.Path, body);
                var allowed = probe.Path.EndsWith("rep", StringComparison.Ordinal) ? scope.ListedReps : scope.ListedTeams;
                return status == HttpStatusCode.OK && listed.All(allowed.Contains) ? null : $"{where} listed {string.Join(' ', listed)}";
            case "qualification":
                return scope.Accounts.Contains(probe.Account) ? (status == HttpStatusCode.OK ? null : where) : Refused() ? null : where;
            default:
                // explain-activity, explain-territory (404: no territory model), traces: the admin's alone.
                return caller.Role == CallerRole.Admin ? (status is HttpStatusCode.OK or HttpStatusCode.NotFound ? null : where) : Refused() ? null : where;
        }
    }

    private static (HttpMethod Method, string Url) Url(Probe probe, Org org) => probe.Path switch
    {
        "series-rep" => (HttpMethod.Get, $"kpis?tenant={probe.Tenant}&rep={probe.Rep}&from={Day}&to={Day}"),
        "series-team" => (HttpMethod.Get, $"kpis?tenant={probe.Tenant}&team={probe.Team}&from={Day}&to={Day}"),
        "series-tenant" => (HttpMethod.Get, $"kpis?tenant={probe.Tenant}&from={Day}&to={Day}"),
        "compare-rep" => (HttpMethod.Get, $"kpis/compare?tenant={probe.Tenant}&rep={probe.Rep}&period={Day}"),
        "leaderboard-rep" => (HttpMethod.Get, $"kpis/leaderboard?tenant={probe.Tenant}&dimension=rep&period={Day}&kpi=emailsSent&size=50"),
        "leaderboard-team" => (HttpMethod.Get, $"kpis/leaderboard?tenant={probe.Tenant}&dimension=team&period={Day}&kpi=emailsSent&size=50"),
        "versus-rep" => (HttpMethod.Get, $"kpis/activity-vs-performance?tenant={probe.Tenant}&dimension=rep&period={Day}"),
        "versus-team" => (HttpMethod.Get, $"kpis/activity-vs-performance?tenant={probe.Tenant}&dimension=team&period={Day}"),
        "export-rep" => (HttpMethod.Get, $"kpis/export?tenant={probe.Tenant}&dimension=rep&from={Day}&to={Day}"),
        "export-team" => (HttpMethod.Get, $"kpis/export?tenant={probe.Tenant}&dimension=team&from={Day}&to={Day}"),
        "qualification" => (HttpMethod.Get, $"qualification?tenant={probe.Tenant}&account={probe.Account}&asOf={Day}T23:00:00Z"),
        "explain-activity" => (HttpMethod.Get, $"admin/tenants/{probe.Tenant}/activities/explain?activityId={org.Id("r1-mail-0")}"),
        "explain-territory" => (HttpMethod.Get, $"admin/tenants/{probe.Tenant}/territories/explain?account={probe.Account}"),
        "traces" => (HttpMethod.Get, $"admin/tenants/{probe.Tenant}/traces?from={Day}&to={Day}"),
        "poison-list" => (HttpMethod.Get, "admin/poison"),
        "poison-replay" => (HttpMethod.Post, "admin/poison/capture/replay?max=5"),
        _ => throw new ArgumentOutOfRangeException(nameof(probe), probe.Path, null),
    };

    /// <summary>A 200 series of the requested rep with the emails that rep sent, and no other entity.</summary>
    private static string? SeriesOf(string body, int expectedSent, string rep, string where)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (!root.TryGetProperty("key", out var key) || key.GetString() != rep)
        {
            return $"{where}: {body}";
        }

        if (!root.TryGetProperty("series", out var series))
        {
            // The comparison: the day's emailsSent against the day before.
            var sent = root.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("name").GetString() == "emailsSent").GetProperty("current").GetDecimal();
            return sent == expectedSent ? null : $"{where}: emailsSent {sent}";
        }

        var value = series.EnumerateArray().Single().GetProperty("emailsSent").GetDecimal();
        return value == expectedSent ? null : $"{where}: emailsSent {value}";
    }

    private static List<string> Listed(string path, string body)
    {
        if (path.StartsWith("export", StringComparison.Ordinal))
        {
            return [.. body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[1])];
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return path.StartsWith("leaderboard", StringComparison.Ordinal)
            ? [.. root.GetProperty("top").EnumerateArray().Concat(root.GetProperty("bottom").EnumerateArray()).Select(s => s.GetProperty("key").GetString()!)]
            : [.. root.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()!)];
    }

    private async Task<HttpStatusCode> StatusAsync(Org org, CallerRole role, string email, string url)
    {
        using var client = Host.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/" + url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Host.Token(org.Tenant, role, email));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static StringContent JsonContent(object value) => new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");

    private sealed record Probe(string Path, string Tenant, string Rep, string Team, string Account);

    /// <summary>
    /// One test tenant: two teams of two reps; rep rN sends N + offset emails; team-1's reps write to acc-1, team-2's to
    /// acc-2, nobody to acc-3. Every id carries the tenant's letter.
    /// </summary>
    private sealed record Org(string Tenant, string Letter, bool RepsSeeLeaderboards)
    {
        public string[] Reps { get; } = ["r1", "r2", "r3", "r4"];

        public string Domain => $"contoso-{Letter}.example";

        public string Id(string local) => $"{Letter}-{local}";

        public string RepEmail(string rep) => $"{rep}@{Domain}";

        public string ManagerEmail(string team) => $"manager.{team}@{Domain}";

        public static string TeamOf(string rep) => rep is "r1" or "r2" ? "team-1" : "team-2";

        public int EmailsSent(string rep) => int.Parse(rep[^1..], System.Globalization.CultureInfo.InvariantCulture) + (Letter == "a" ? 0 : 4);

        public int EmailsSentById(string repId) => EmailsSent(repId[(Letter.Length + 1)..]);

        public object Directory() => new
        {
            internalDomains = new[] { Domain },
            timeZone = "UTC",
            access = new { repsSeeLeaderboards = RepsSeeLeaderboards },
            teams = new[] { "team-1", "team-2" }.Select(t => new { id = Id(t), name = t, managers = new[] { ManagerEmail(t) } }),
            reps = Reps.Select(r => new { id = Id(r), email = RepEmail(r), name = r, teamId = Id(TeamOf(r)) }),
            accounts = new[] { "acc-1", "acc-2", "acc-3" }.Select(a => new { id = Id(a), name = a, domains = new[] { $"{a}-{Letter}.example" } }),
            contacts = Array.Empty<object>(),
        };

        public Activity Email(string rep, int n)
        {
            var at = new DateTimeOffset(2026, 10, 5, 9, n, 0, TimeSpan.Zero);
            var account = TeamOf(rep) == "team-1" ? "acc-1" : "acc-2";
            return new Activity(Tenant, Id($"{rep}-mail-{n}"), ActivityKind.Email, ActivityDirection.Outbound, at, null, null,
                [new Participant(RepEmail(rep), ParticipantRole.From, true), new Participant($"buyer@{account}-{Letter}.example", ParticipantRole.To, false)]);
        }
    }

    /// <summary>The rules of docs/security.md written again, independently of <see cref="CallerScope"/>.</summary>
    private sealed record Model(HashSet<string> Reps, HashSet<string> Teams, bool TenantTotals, bool Ranks, HashSet<string> ListedReps, HashSet<string> ListedTeams, HashSet<string> Accounts)
    {
        public static Model Of(Caller caller, Org org)
        {
            var allReps = org.Reps.Select(org.Id).ToHashSet();
            var allTeams = new[] { "team-1", "team-2" }.Select(org.Id).ToHashSet();
            var accountsOfTeam = new Dictionary<string, string> { [org.Id("team-1")] = org.Id("acc-1"), [org.Id("team-2")] = org.Id("acc-2") };
            switch (caller.Role)
            {
                case CallerRole.Admin:
                    return new(allReps, allTeams, true, true, allReps, allTeams, [org.Id("acc-1"), org.Id("acc-2"), org.Id("acc-3")]);
                case CallerRole.Manager:
                    var teams = new[] { "team-1", "team-2" }.Where(t => org.ManagerEmail(t) == caller.Email).Select(org.Id).ToHashSet();
                    var reps = org.Reps.Where(r => teams.Contains(org.Id(Org.TeamOf(r)))).Select(org.Id).ToHashSet();
                    return new(reps, teams, true, true, reps, teams, [.. teams.Select(t => accountsOfTeam[t])]);
                default:
                    var self = org.Reps.Where(r => org.RepEmail(r) == caller.Email).Select(org.Id).ToHashSet();
                    var accounts = org.Reps.Where(r => org.RepEmail(r) == caller.Email).Select(r => accountsOfTeam[org.Id(Org.TeamOf(r))]).ToHashSet();
                    return org.RepsSeeLeaderboards
                        ? new(self, [], false, true, allReps, allTeams, accounts)
                        : new(self, [], false, false, self, [], accounts);
            }
        }
    }
}
