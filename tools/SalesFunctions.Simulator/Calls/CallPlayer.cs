using System.Globalization;
using System.Text.Json;
using SalesFunctions.Simulator.Crm;
using SalesFunctions.Simulator.Graph;
using SalesFunctions.Simulator.Organisation;

namespace SalesFunctions.Simulator.Calls;

/// <summary>
/// Plays the reps' calls (docs/calls.md): Teams call records behind change notifications, the PSTN log, and HubSpot call
/// logs as signed webhooks, half of the Teams calls logged in HubSpot too, within minutes of the real start. Its own
/// random sequence, so the organisation's mail and meetings stay as they were. Calls of one rep lie at least 15 minutes
/// apart (20-minute slots), except deliberate redials 2 minutes apart: two calls, however close.
/// </summary>
public sealed class CallPlayer
{
    private readonly SimulatorOptions _options;
    private readonly Lock _lock = new();
    private readonly HashSet<string> _played = [];

    public CallPlayer(DemoOrganisation organisation, SimulatorOptions options)
    {
        _options = options;
        var random = new Random(options.Seed + 13);
        var calls = new List<SimCall>();
        for (var d = 0; d < options.Days; d++)
        {
            var day = options.FirstDay.AddDays(d);
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            foreach (var rep in organisation.Reps)
            {
                var slots = new Queue<int>(Enumerable.Range(0, 24).OrderBy(_ => random.Next()));
                DateTimeOffset Slot() => new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero).AddMinutes((slots.Dequeue() * 20) + random.Next(0, 3));
                SimCall Call(SimCallKind kind, SimPerson other, DateTimeOffset start, int minutes, bool logged, bool connected = true) =>
                    new($"call-{calls.Count + 1:000000}", kind, rep, other, start, minutes, kind == SimCallKind.Phone && random.Next(5) == 0, logged,
                        random.Next(-120, 181), connected);

                for (var p = random.Next(0, 3); p > 0; p--)
                {
                    calls.Add(Call(SimCallKind.Phone, Pick(organisation.Contacts, random), Slot(), random.Next(1, 26), logged: random.Next(2) == 0));
                }

                if (random.Next(4) == 0)
                {
                    calls.Add(Call(SimCallKind.Federated, Pick(organisation.Contacts, random), Slot(), random.Next(3, 41), logged: random.Next(5) < 2));
                }

                if (random.Next(4) == 0)
                {
                    var connected = random.Next(10) < 7;
                    calls.Add(Call(SimCallKind.CrmOnly, Pick(organisation.Contacts, random), Slot(), connected ? random.Next(2, 16) : 0, logged: true, connected));
                }

                if (random.Next(7) == 0)
                {
                    calls.Add(Call(SimCallKind.Internal, Pick(organisation.Colleagues, random), Slot(), random.Next(1, 20), logged: false));
                }

                if (random.Next(10) == 0)
                {
                    calls.Add(Call(SimCallKind.OnlineMeeting, Pick(organisation.Contacts, random), Slot(), 30, logged: false));
                }

                if (random.Next(12) == 0)
                {
                    // A dropped call and the redial two minutes later, which the rep logs: two calls, one log.
                    var (contact, start) = (Pick(organisation.Contacts, random), Slot());
                    calls.Add(Call(SimCallKind.Phone, contact, start, 1, logged: false));
                    calls.Add(Call(SimCallKind.Phone, contact, start.AddMinutes(2), random.Next(3, 20), logged: true) with { LogOffsetSeconds = 60, Inbound = false });
                }
            }
        }

        Calls = [.. calls.OrderBy(c => c.Start)];
    }

    public IReadOnlyList<SimCall> Calls { get; }

    public IReadOnlyList<SimCall> Played
    {
        get
        {
            lock (_lock)
            {
                return [.. Calls.Where(c => _played.Contains(c.Id))];
            }
        }
    }

    /// <summary>When the Host last read the PSTN log (the simulator's clock): a sweep that ran after the play has seen it.</summary>
    public DateTimeOffset? LastPstnRead { get; private set; }

    /// <summary>
    /// Makes every call readable, notifies the call-record subscribers of the Teams ones, and sends every CRM log as HubSpot
    /// webhooks (each twice, the second time in another order, as HubSpot retries).
    /// </summary>
    public async Task<(int Notified, CrmPlayed Crm)> PlayAsync(HttpClient host, NotificationPublisher publisher, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _played.UnionWith(Calls.Select(c => c.Id));
        }

        var published = await publisher.PublishCallRecordsAsync([.. Calls.Where(c => c.InTeams).Select(c => c.Id)], cancellationToken);
        var random = new Random(_options.Seed + 17);
        var sends = Calls.Where(c => c.LoggedInCrm).Select(c => (Func<HttpRequestMessage>)(() => CrmWebhookWriter.HubSpotCall(host.BaseAddress!, c, _options.Clock.GetUtcNow())))
            .ToList();
        var crm = await CrmPlayer.SendAllAsync(host, [.. sends, .. sends.OrderBy(_ => random.Next())], cancellationToken);
        return (published.Notifications, crm);
    }

    /// <summary>GET communications/callRecords/{id} with participants_v2 expanded, in the shape of the Graph docs' examples.</summary>
    public object? Record(string id)
    {
        SimCall? call;
        lock (_lock)
        {
            call = _played.Contains(id) ? Calls.FirstOrDefault(c => c.Id == id && c.InTeams) : null;
        }

        if (call is null)
        {
            return null;
        }

        var rep = User(call.Rep, DemoOrganisation.TenantId);
        var other = call.Kind switch
        {
            SimCallKind.Phone => new Dictionary<string, object?> { ["phone"] = new { id = call.Other.Phone, displayName = (string?)null } },
            SimCallKind.Internal => User(call.Other, DemoOrganisation.TenantId),
            _ => User(call.Other, "5b1e0000-0000-4000-8000-00000000c057"),
        };
        return new Dictionary<string, object?>
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#communications/callRecords(participants_v2())/$entity",
            ["version"] = 1,
            ["type"] = call.Kind == SimCallKind.OnlineMeeting ? "groupCall" : "peerToPeer",
            ["modalities"] = call.Kind == SimCallKind.Federated ? new[] { "audio", "video" } : ["audio"],
            ["lastModifiedDateTime"] = call.End.AddMinutes(5),
            ["startDateTime"] = call.Start,
            ["endDateTime"] = call.End,
            ["joinWebUrl"] = call.Kind == SimCallKind.OnlineMeeting ? $"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{call.Id}%40thread.v2/0" : null,
            ["id"] = call.Id,
            ["organizer_v2"] = new { id = call.Id + "-o", identity = call.Inbound ? other : rep },
            ["participants_v2"] = new[] { new { id = call.Id + "-1", identity = rep }, new { id = call.Id + "-2", identity = other } },
        };
    }

    /// <summary>The PSTN log rows (pstnCallLogRow) of played phone calls that started in [from, to].</summary>
    public object PstnCalls(DateTimeOffset from, DateTimeOffset to)
    {
        LastPstnRead = _options.Clock.GetUtcNow();
        var rows = Played.Where(c => c.InPstnLog && c.Start >= from && c.Start <= to).Select(c => new Dictionary<string, object?>
        {
            ["id"] = "pstn-" + c.Id,
            ["callId"] = "1f" + c.Id,
            ["userId"] = c.Rep.UserId,
            ["userPrincipalName"] = c.Rep.Email,
            ["userDisplayName"] = c.Rep.Name,
            ["startDateTime"] = c.Start,
            ["endDateTime"] = c.End,
            ["duration"] = c.Minutes * 60,
            ["charge"] = 0.0,
            ["callType"] = c.Inbound ? "user_in" : "user_out",
            ["currency"] = "GBP",
            ["calleeNumber"] = c.Inbound ? RepNumber(c.Rep) : c.Other.Phone,
            ["callerNumber"] = c.Inbound ? c.Other.Phone : RepNumber(c.Rep),
            ["usageCountryCode"] = "GB",
            ["tenantCountryCode"] = "GB",
            ["connectionCharge"] = 0.0,
            ["callDurationSource"] = "microsoft",
        }).ToList();
        return new Dictionary<string, object?>
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.callRecords.pstnCallLogRow)",
            ["@odata.count"] = rows.Count,
            ["value"] = rows,
        };
    }

    private static Dictionary<string, object?> User(SimPerson person, string tenantId) => new()
    {
        ["user"] = new { id = person.UserId ?? "0000c057-0000-4000-8000-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(person.Email)))[..12], displayName = person.Name, tenantId, userPrincipalName = person.Email },
    };

    private static string RepNumber(SimPerson rep) => "+44207946" + (900 + int.Parse(rep.RepId![4..], CultureInfo.InvariantCulture)).ToString("0000", CultureInfo.InvariantCulture);

    private static SimPerson Pick(IReadOnlyList<SimPerson> people, Random random) => people[random.Next(people.Count)];

    /// <summary>The HubSpot call properties of a log (docs/calls.md): start and length as the rep typed them, the customer's number.</summary>
    public static IEnumerable<(string Name, string Value)> HubSpotProperties(SimCall call) =>
    [
        ("hs_timestamp", call.Start.AddSeconds(call.LogOffsetSeconds).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
        ("hs_call_duration", (call.Minutes * 60_000L).ToString(CultureInfo.InvariantCulture)),
        ("hs_call_direction", call.Inbound ? "INBOUND" : "OUTBOUND"),
        ("hs_call_status", call.Connected ? "COMPLETED" : "NO_ANSWER"),
        ("hubspot_owner_id", call.Rep.Email),
        (call.Inbound ? "hs_call_from_number" : "hs_call_to_number", "+44 20 7946 " + call.Other.Phone![^4..]),
    ];

    internal static string Json(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}
