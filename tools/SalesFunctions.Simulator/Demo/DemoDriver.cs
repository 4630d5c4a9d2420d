using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SalesFunctions.Simulator.Calls;
using SalesFunctions.Simulator.Crm;
using SalesFunctions.Simulator.Graph;
using SalesFunctions.Simulator.Organisation;
using Spectre.Console;

namespace SalesFunctions.Simulator.Demo;

/// <summary>
/// Drives the demo against a running Host: imports the organisation, registers every mailbox (the Host creates Graph
/// subscriptions here, validated by handshake), plays 30 days of mail and meetings as change notifications, waits for
/// the queues to drain and the rollup timer to run, and compares the KPI API with the ground truth.
/// </summary>
public sealed class DemoDriver(HttpClient host, WebApplication simulator, TimeSpan timeout)
{
    private static readonly string[] Kpis = ["emailsSent", "emailsReceived", "meetings", "meetingMinutes", "uniqueAccounts", "calls", "callMinutes"];
    private static readonly int[] Shown = [1, 2, 3, 5];
    private static readonly string[] PerformanceKpis = ["dealsCreated", "dealsWon", "dealsLost", "revenueWon", "casesOpened", "casesResolved"];

    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var organisation = simulator.Services.GetRequiredService<DemoOrganisation>();
        var options = simulator.Services.GetRequiredService<SimulatorOptions>();
        var player = simulator.Services.GetRequiredService<Player>();
        var clock = Stopwatch.StartNew();

        await ImportAndSubscribeAsync(cancellationToken);
        AnsiConsole.MarkupLine($"[grey]{organisation.Mailboxes.Count()} mailboxes subscribed ({clock.Elapsed.TotalSeconds:F1} s); playing {options.Days} days...[/]");
        var played = await player.PlayAsync(null, cancellationToken);
        AnsiConsole.MarkupLine($"[grey]{played.ItemsWritten} mailbox items, {played.Notifications} notifications ({played.Duplicates} duplicates) in {played.Requests} POSTs, {played.FailedRequests} failed ({clock.Elapsed.TotalSeconds:F1} s)[/]");
        var crm = simulator.Services.GetRequiredService<CrmPlayer>();
        var crmPlayed = await crm.PlayAsync(host, cancellationToken);
        AnsiConsole.MarkupLine($"[grey]CRM: {crm.Deals.Count} deals and {crm.Cases.Count} cases as {crmPlayed.Requests} signed webhooks (HubSpot, Salesforce, Dynamics 365, Pipedrive, generic; shuffled, 20 % repeated), {crmPlayed.Failed} failed, acknowledged in {crmPlayed.AckP95Milliseconds:F0} ms p95 / {crmPlayed.AckMaxMilliseconds:F0} ms max ({clock.Elapsed.TotalSeconds:F1} s)[/]");
        var calls = simulator.Services.GetRequiredService<CallPlayer>();
        var (callsNotified, callLogs) = await PlayCallsAsync(cancellationToken);
        AnsiConsole.MarkupLine($"[grey]Calls: {calls.Calls.Count} ({calls.Calls.Count(c => c.Counts)} with customers), {callsNotified} call-record notifications, {callLogs.Requests} HubSpot call logs, {callLogs.Failed} failed; PSTN log read by the Host's sweep ({clock.Elapsed.TotalSeconds:F1} s)[/]");
        foreach (var error in crmPlayed.Errors.Concat(callLogs.Errors).Take(5))
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(error)}[/]");
        }

        var status = await WaitForRollupAsync(progress: true, cancellationToken);
        AnsiConsole.MarkupLine($"[grey]queues drained and rollup done ({clock.Elapsed.TotalSeconds:F1} s)[/]");

        var (mismatches, totals) = await CompareWithTruthAsync(cancellationToken);
        var (performanceMismatches, performance) = await ComparePerformanceAsync(crm.Truth(), cancellationToken);
        mismatches.AddRange(performanceMismatches);
        var table = new Table().Title($"Activity (inputs) and performance (outputs) per rep, {options.Days} days: API / ground truth")
            .AddColumns("Rep", "Team", "Sent", "Received", "Meetings", "Minutes", "Calls", "Won", "Lost", "Revenue (USD)", "Cases resolved", "Touches per won deal");
        foreach (var rep in organisation.Reps)
        {
            var (api, truth) = totals[rep.RepId!];
            var (apiOut, truthOut) = performance[rep.RepId!];
            var touches = api[0] + api[1] + api[2] + api[5];
            table.AddRow([rep.RepId!, rep.TeamId!, .. Kpis.Take(4).Select((_, k) => Cell(api[k], truth[k])), Cell(api[5], truth[5]), .. Shown.Select(k => Cell(apiOut[k], truthOut[k])),
                apiOut[1] == 0 ? "-" : (touches / apiOut[1]).ToString("F0", CultureInfo.InvariantCulture)]);
        }

        AnsiConsole.Write(table);
        var teams = new Table().Title("Per team (distinct activities)").AddColumns("Team", "Sent", "Received", "Meetings", "Minutes", "Account-days", "Calls", "Call minutes");
        foreach (var (teamId, _) in organisation.Teams)
        {
            var series = await GetSeriesAsync($"api/kpis?tenant={DemoOrganisation.TenantId}&team={teamId}&{Window(options)}", cancellationToken);
            teams.AddRow([teamId, .. Kpis.Select(kpi => series.Sum(p => p.GetProperty(kpi).GetInt32()).ToString(CultureInfo.InvariantCulture))]);
        }

        AnsiConsole.Write(teams);
        await WriteTerritoriesAsync(options, cancellationToken);
        await WriteActivityVsPerformanceAsync(options, cancellationToken);
        await WriteQualificationAsync(cancellationToken);
        mismatches.AddRange(await CheckSignInAsync(cancellationToken));
        var poison = PoisonCount(status);
        foreach (var mismatch in mismatches.Take(20))
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(mismatch)}[/]");
        }

        var ok = mismatches.Count == 0 && poison == 0 && played.FailedRequests == 0 && crmPlayed.Failed == 0 && callLogs.Failed == 0;
        Console.WriteLine(ok
            ? $"check: {organisation.Reps.Count} reps x {options.Days} days, all KPIs match ground truth ({clock.Elapsed.TotalSeconds:F0} s)"
            : $"check: FAILED: {mismatches.Count} mismatches, {poison} poison messages, {played.FailedRequests} failed notification requests, {crmPlayed.Failed + callLogs.Failed} failed CRM webhooks");
        return ok;
    }

    /// <summary>
    /// Who may read what, asked of the serving Host as its users would (docs/security.md): each refusal or answer that
    /// differs from the rule is a mismatch. Tokens come from the Host's development issuer; the other tenant is the
    /// second organisation the demo configuration maps, which has no data.
    /// </summary>
    public async Task<List<string>> CheckSignInAsync(CancellationToken cancellationToken)
    {
        var organisation = simulator.Services.GetRequiredService<DemoOrganisation>();
        var options = simulator.Services.GetRequiredService<SimulatorOptions>();
        var (rep, colleague) = (organisation.Reps[0], organisation.Reps.First(r => r.TeamId != organisation.Reps[0].TeamId));
        var tenant = DemoOrganisation.TenantId;
        var series = $"api/kpis?tenant={tenant}&{Window(options)}";
        (string Check, string Token, string Url, HttpStatusCode Expected)[] checks =
        [
            ("no token", string.Empty, $"{series}&rep={rep.RepId}", HttpStatusCode.Unauthorized),
            ($"rep {rep.RepId} reads their own series", $"tenant={tenant}&role=rep&rep={rep.RepId}", $"{series}&rep={rep.RepId}", HttpStatusCode.OK),
            ($"rep {rep.RepId} reads {colleague.RepId}'s series", $"tenant={tenant}&role=rep&rep={rep.RepId}", $"{series}&rep={colleague.RepId}", HttpStatusCode.Forbidden),
            ($"manager of {rep.TeamId} reads {rep.TeamId}", $"tenant={tenant}&role=manager&team={rep.TeamId}", $"{series}&team={rep.TeamId}", HttpStatusCode.OK),
            ($"manager of {rep.TeamId} reads {colleague.TeamId}", $"tenant={tenant}&role=manager&team={rep.TeamId}", $"{series}&team={colleague.TeamId}", HttpStatusCode.Forbidden),
            ("admin reads /api/admin/status", $"tenant={tenant}&role=admin", "api/admin/status", HttpStatusCode.OK),
            ("another tenant's admin reads this tenant", $"tenant={DemoOrganisation.OtherTenantId}&role=admin", $"{series}&rep={rep.RepId}", HttpStatusCode.Forbidden),
        ];
        var table = new Table().Title("Sign-in: who may read what (docs/security.md)").AddColumns("Caller and request", "Expected", "Answered");
        var mismatches = new List<string>();
        // A client of its own: the driver's shared one carries the admin's token on every request.
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        foreach (var (check, token, url, expected) in checks)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (token.Length > 0)
            {
                var issued = await client.GetFromJsonAsync<JsonElement>($"dev/token?{token}", cancellationToken);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issued.GetProperty("accessToken").GetString());
            }

            using var response = await client.SendAsync(request, cancellationToken);
            var answered = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            table.AddRow(Markup.Escape(check), ((int)expected).ToString(CultureInfo.InvariantCulture), response.StatusCode == expected ? answered : $"[red]{answered}[/]");
            if (response.StatusCode != expected)
            {
                mismatches.Add($"sign-in: {check}: answered {(int)response.StatusCode}, expected {(int)expected}");
            }
        }

        AnsiConsole.Write(table);
        return mismatches;
    }

    /// <summary>Imports the organisation's directory and registers every mailbox, reps and colleagues alike.</summary>
    public async Task ImportAndSubscribeAsync(CancellationToken cancellationToken)
    {
        var organisation = simulator.Services.GetRequiredService<DemoOrganisation>();
        await Send(HttpMethod.Put, $"api/admin/tenants/{DemoOrganisation.TenantId}/directory", organisation.Directory(), cancellationToken);
        await UploadAsync("territories", TerritoryModel, cancellationToken);
        await UploadAsync("qualification", Resource("qualification.json"), cancellationToken);

        foreach (var mailbox in organisation.Mailboxes)
        {
            await Send(HttpMethod.Post, $"api/admin/tenants/{DemoOrganisation.TenantId}/mailboxes", new { mailbox = mailbox.Email }, cancellationToken);
        }

        // Teams call capture: the Host subscribes to the tenant's call records (docs/calls.md).
        await Send(HttpMethod.Post, $"api/admin/tenants/{DemoOrganisation.TenantId}/calls", new { }, cancellationToken);
    }

    /// <summary>
    /// Plays the calls (call-record notifications, HubSpot call logs), then waits until the Host's PSTN sweep has read the
    /// log since: its schedule is the Host's (PstnSweepSchedule), so this waits at most one interval.
    /// </summary>
    public async Task<(int Notified, CrmPlayed Logs)> PlayCallsAsync(CancellationToken cancellationToken)
    {
        var calls = simulator.Services.GetRequiredService<CallPlayer>();
        var clock = simulator.Services.GetRequiredService<SimulatorOptions>().Clock;
        var playedAt = clock.GetUtcNow();
        var played = await calls.PlayAsync(host, simulator.Services.GetRequiredService<NotificationPublisher>(), cancellationToken);
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!(calls.LastPstnRead > playedAt) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        return played;
    }

    /// <summary>
    /// Every rep-day-KPI where the API differs from the ground truth (of everything played, unless given), and per rep
    /// the window totals (API, truth).
    /// </summary>
    public async Task<(List<string> Mismatches, Dictionary<string, (int[] Api, int[] Truth)> Totals)> CompareWithTruthAsync(
        CancellationToken cancellationToken, Dictionary<string, Dictionary<string, DayCounts>>? truth = null)
    {
        var organisation = simulator.Services.GetRequiredService<DemoOrganisation>();
        var options = simulator.Services.GetRequiredService<SimulatorOptions>();
        var player = simulator.Services.GetRequiredService<Player>();
        truth ??= GroundTruth.Compute(organisation, player.PlayedEmails, player.PlayedMeetings, simulator.Services.GetRequiredService<CallPlayer>().Played);
        var mismatches = new List<string>();
        var totals = new Dictionary<string, (int[] Api, int[] Truth)>();
        foreach (var rep in organisation.Reps)
        {
            var series = await GetSeriesAsync($"api/kpis?tenant={DemoOrganisation.TenantId}&rep={rep.RepId}&{Window(options)}", cancellationToken);
            var expected = truth.GetValueOrDefault(rep.RepId!) ?? [];
            var (api, wantedTotals) = (new int[Kpis.Length], new int[Kpis.Length]);
            foreach (var point in series)
            {
                var day = point.GetProperty("period").GetString()!;
                var counts = expected.GetValueOrDefault(day) ?? new DayCounts(day, 0, 0, 0, 0, 0);
                int[] wanted = [counts.EmailsSent, counts.EmailsReceived, counts.Meetings, counts.MeetingMinutes, counts.UniqueAccounts, counts.Calls, counts.CallMinutes];
                for (var k = 0; k < Kpis.Length; k++)
                {
                    var actual = point.GetProperty(Kpis[k]).GetInt32();
                    api[k] += actual;
                    wantedTotals[k] += wanted[k];
                    if (actual != wanted[k])
                    {
                        mismatches.Add($"{rep.RepId} {day} {Kpis[k]}: API {actual}, truth {wanted[k]}");
                    }
                }
            }

            totals[rep.RepId!] = (api, wantedTotals);
        }

        return (mismatches, totals);
    }

    /// <summary>
    /// Every rep-day where the performance KPIs differ from the simulated CRM's ground truth, and per rep the window
    /// totals (API, truth) in the order of <see cref="PerformanceKpis"/>.
    /// </summary>
    public async Task<(List<string> Mismatches, Dictionary<string, (decimal[] Api, decimal[] Truth)> Totals)> ComparePerformanceAsync(
        Dictionary<string, Dictionary<string, PerformanceCounts>> truth, CancellationToken cancellationToken)
    {
        var organisation = simulator.Services.GetRequiredService<DemoOrganisation>();
        var options = simulator.Services.GetRequiredService<SimulatorOptions>();
        var mismatches = new List<string>();
        var totals = new Dictionary<string, (decimal[], decimal[])>();
        foreach (var rep in organisation.Reps)
        {
            var series = await GetSeriesAsync($"api/kpis?tenant={DemoOrganisation.TenantId}&rep={rep.RepId}&{Window(options)}", cancellationToken);
            var expected = truth.GetValueOrDefault(rep.RepId!) ?? [];
            decimal[] api = new decimal[6], wanted = new decimal[6];
            foreach (var point in series)
            {
                var day = point.GetProperty("period").GetString()!;
                var counts = expected.GetValueOrDefault(day) ?? new PerformanceCounts();
                decimal[] want = [counts.DealsCreated, counts.DealsWon, counts.DealsLost, counts.RevenueWon, counts.CasesOpened, counts.CasesResolved];
                for (var k = 0; k < PerformanceKpis.Length; k++)
                {
                    var actual = point.GetProperty(PerformanceKpis[k]).GetDecimal();
                    (api[k], wanted[k]) = (api[k] + actual, wanted[k] + want[k]);
                    if (actual != want[k])
                    {
                        mismatches.Add($"{rep.RepId} {day} {PerformanceKpis[k]}: API {actual}, truth {want[k]}");
                    }
                }
            }

            totals[rep.RepId!] = (api, wanted);
        }

        return (mismatches, totals);
    }

    /// <summary>Waits until no queue holds work, no day is dirty, and a rollup has run since the queues drained.</summary>
    public async Task<JsonElement> WaitForRollupAsync(bool progress, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        // The Host stamps its rollup runs with its own clock, which is the simulator's (a test may move both to another day).
        var hostClock = simulator.Services.GetRequiredService<SimulatorOptions>().Clock;
        DateTimeOffset? drainedAt = null;
        var slowPolls = 0;
        JsonElement? last = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            // One status call may be slow while the Host is saturated (2 cores, Azurite, a throttle storm); it is a
            // read, so a poll that takes too long is abandoned and asked again rather than failing the whole wait.
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            poll.CancelAfter(TimeSpan.FromSeconds(40));
            JsonElement status;
            try
            {
                status = await host.GetFromJsonAsync<JsonElement>("api/admin/status", poll.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                slowPolls++;
                continue;
            }

            last = status;

            var queues = status.GetProperty("queues");
            var pending = queues.EnumerateObject().Where(q => !q.Name.EndsWith("-poison", StringComparison.Ordinal)).Sum(q => q.Value.GetInt32());
            var dirty = status.GetProperty("dirtyDays").GetInt32();
            if (pending > 0 || dirty > 0)
            {
                drainedAt = null;
                if (progress)
                {
                    AnsiConsole.MarkupLine($"[grey]  waiting: sync {queues.GetProperty("sync").GetInt32()}, capture {queues.GetProperty("capture").GetInt32()}, score {queues.GetProperty("score").GetInt32()}, dirty days {dirty}[/]");
                }
            }
            else
            {
                drainedAt ??= hostClock.GetUtcNow();
                if (status.GetProperty("lastRollup") is { ValueKind: JsonValueKind.Object } rollup
                    && rollup.GetProperty("startedAt").GetDateTimeOffset() > drainedAt.Value.AddSeconds(-1) && rollup.GetProperty("stillDirty").GetInt32() == 0)
                {
                    return status;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(progress ? 2 : 0.5), cancellationToken);
        }

        throw new TimeoutException($"The Host did not drain its queues and roll up within {timeout.TotalSeconds:F0} s ({slowPolls} status calls took over 40 s). Last status: {last?.GetRawText() ?? "none"}");
    }

    public static int PoisonCount(JsonElement status) =>
        status.GetProperty("queues").EnumerateObject().Where(q => q.Name.EndsWith("-poison", StringComparison.Ordinal)).Sum(q => q.Value.GetInt32());

    private async Task<List<JsonElement>> GetSeriesAsync(string url, CancellationToken cancellationToken)
    {
        var body = await host.GetFromJsonAsync<JsonElement>(url, cancellationToken);
        return [.. body.GetProperty("series").EnumerateArray()];
    }

    private async Task Send(HttpMethod method, string url, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        using var response = await host.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>The demo territory model (Demo/territories.json), as a user would upload their file.</summary>
    public static string TerritoryModel { get; } = Resource("territories.json");

    private static string Resource(string name)
    {
        using var stream = typeof(DemoDriver).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private async Task UploadAsync(string route, string json, CancellationToken cancellationToken)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var uploaded = await host.PutAsync($"api/admin/tenants/{DemoOrganisation.TenantId}/{route}", content, cancellationToken);
        if (!uploaded.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The demo {route} file was refused: {await uploaded.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>Qualification of the three most worked accounts: each framework's score, qualified-on date and criteria.</summary>
    private async Task WriteQualificationAsync(CancellationToken cancellationToken)
    {
        var organisation = simulator.Services.GetRequiredService<DemoOrganisation>();
        var worked = organisation.Emails.Where(e => !e.IsDraft).Select(e => e.Everyone).Concat(organisation.Meetings.Where(m => !m.IsCancelled).Select(m => m.Everyone))
            .SelectMany(people => people.Select(p => p.AccountId).OfType<string>().Distinct(StringComparer.Ordinal))
            .GroupBy(id => id, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(3).Select(g => g.Key);
        var table = new Table().Title("Qualification of the three most worked accounts (evidence-based; API: GET api/qualification?tenant=&account=)")
            .AddColumns("Account", "Framework", "Score", "Qualified on", "Criteria (met ✓, partial ~, unknown ·; pieces of evidence)");
        foreach (var account in worked)
        {
            var body = await host.GetFromJsonAsync<JsonElement>($"api/qualification?tenant={DemoOrganisation.TenantId}&account={account}", cancellationToken);
            foreach (var framework in body.GetProperty("frameworks").EnumerateArray())
            {
                var criteria = framework.GetProperty("criteria").EnumerateArray().Select(c =>
                    $"{(c.GetProperty("status").GetString() switch { "met" => "✓", "partial" => "~", _ => "·" })} {c.GetProperty("id").GetString()} ({c.GetProperty("evidence").GetArrayLength()})");
                var qualifiedOn = framework.GetProperty("qualifiedOn") is { ValueKind: JsonValueKind.String } on ? on.GetDateTimeOffset().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-";
                table.AddRow(account, framework.GetProperty("framework").GetString()!, framework.GetProperty("score").GetInt32().ToString(CultureInfo.InvariantCulture),
                    qualifiedOn, Markup.Escape(string.Join("  ", criteria)));
            }
        }

        AnsiConsole.Write(table);
    }

    /// <summary>Per territory, as stamped when each activity happened; ancestors include their descendants' activities.</summary>
    private async Task WriteTerritoriesAsync(SimulatorOptions options, CancellationToken cancellationToken)
    {
        var table = new Table().Title("Per territory (stamped as of each activity; regions include their territories)")
            .AddColumns("Territory", "Parent", "Kind", "Sent", "Received", "Meetings", "Minutes", "Account-days", "Calls", "Call minutes");
        using var model = JsonDocument.Parse(TerritoryModel);
        foreach (var territory in model.RootElement.GetProperty("territories").EnumerateArray())
        {
            string? Text(string name) => territory.TryGetProperty(name, out var value) ? value.GetString() : null;
            var series = await GetSeriesAsync($"api/kpis?tenant={DemoOrganisation.TenantId}&territory={Text("id")}&{Window(options)}", cancellationToken);
            table.AddRow([Text("id")!, Text("parentId") ?? "-", Text("kind") ?? "primary", .. Kpis.Select(kpi => series.Sum(p => p.GetProperty(kpi).GetInt32()).ToString(CultureInfo.InvariantCulture))]);
        }

        AnsiConsole.Write(table);
        var tenant = await GetSeriesAsync($"api/kpis?tenant={DemoOrganisation.TenantId}&{Window(options)}", cancellationToken);
        AnsiConsole.MarkupLine($"[grey]activities where a rep worked an account outside their territories: {tenant.Sum(p => p.GetProperty("outsideTerritory").GetInt32())} (per rep: GET api/kpis?rep=..., outsideTerritory)[/]");
    }

    private static string Cell(decimal api, decimal truth) =>
        api == truth ? $"{api:0.##} / {truth:0.##}" : $"[red]{api:0.##} / {truth:0.##}[/]";

    /// <summary>
    /// The stored month cells of teams and territories (GET api/kpis/activity-vs-performance): the inputs of selling next
    /// to its outputs and the ratios that link them, and the month's leaderboard by revenue.
    /// </summary>
    private async Task WriteActivityVsPerformanceAsync(SimulatorOptions options, CancellationToken cancellationToken)
    {
        var month = options.DataMonth;
        foreach (var dimension in new[] { "rep", "team", "territory" })
        {
            var body = await host.GetFromJsonAsync<JsonElement>($"api/kpis/activity-vs-performance?tenant={DemoOrganisation.TenantId}&dimension={dimension}&period={month}", cancellationToken);
            var table = new Table().Title($"Activity vs performance per {dimension}, month {month} (stored month cells: distinct counts and ratios of the month, not sums of days)")
                .AddColumns(dimension, "Touchpoints", "Selling h", "Accounts", "New accts", "Reply rate", "Created", "Won", "Win rate", "Revenue", "Avg deal", "Touches/won", "Cases res.", "CSAT");
            foreach (var row in body.GetProperty("rows").EnumerateArray())
            {
                var (activity, performance, service, linking) = (row.GetProperty("activity"), row.GetProperty("performance"), row.GetProperty("service"), row.GetProperty("linking"));
                table.AddRow(row.GetProperty("key").GetString()!, Number(activity, "touchpoints"), Number(activity, "sellingMinutes", 1 / 60m), Number(activity, "uniqueAccounts"),
                    Number(activity, "newAccountsEngaged"), Percent(activity, "replyRate"), Number(performance, "dealsCreated"), Number(performance, "dealsWon"),
                    Percent(performance, "winRate"), Number(performance, "revenueWon"), Number(performance, "averageDealSize"), Number(linking, "touchpointsPerWonDeal"),
                    Number(service, "casesResolved"), Number(service, "csat", 1, "F1"));
            }

            AnsiConsole.Write(table);
        }

        var board = await host.GetFromJsonAsync<JsonElement>($"api/kpis/leaderboard?tenant={DemoOrganisation.TenantId}&dimension=rep&period={month}&kpi=revenueWon&size=3", cancellationToken);
        string Standings(string side) => string.Join(", ", board.GetProperty(side).EnumerateArray().Select(s => $"{s.GetProperty("key").GetString()} {s.GetProperty("value").GetDecimal():N0}"));
        AnsiConsole.MarkupLine($"[grey]revenue leaderboard {month} (GET api/kpis/leaderboard): top {Standings("top")}; bottom {Standings("bottom")}[/]");
    }

    private static string Number(JsonElement values, string kpi, decimal scale = 1, string format = "N0") =>
        values.GetProperty(kpi).ValueKind == JsonValueKind.Null ? "-" : (values.GetProperty(kpi).GetDecimal() * scale).ToString(format, CultureInfo.InvariantCulture);

    private static string Percent(JsonElement values, string kpi) =>
        values.GetProperty(kpi).ValueKind == JsonValueKind.Null ? "-" : values.GetProperty(kpi).GetDecimal().ToString("P0", CultureInfo.InvariantCulture);

    private static string Window(SimulatorOptions options) =>
        $"from={options.FirstDay:yyyy-MM-dd}&to={options.FirstDay.AddDays(options.Days - 1):yyyy-MM-dd}";
}
