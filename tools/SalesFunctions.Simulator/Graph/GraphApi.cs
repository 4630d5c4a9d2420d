using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SalesFunctions.Simulator.Organisation;

namespace SalesFunctions.Simulator.Graph;

/// <summary>The Graph v1.0 endpoints our product calls, in Graph's shapes, plus the simulator's control endpoints.</summary>
public static class GraphApi
{
    public static void Map(WebApplication app)
    {
        var graph = app.MapGroup("/v1.0");
        graph.AddEndpointFilter(async (context, next) =>
        {
            var faults = context.HttpContext.RequestServices.GetRequiredService<FaultInjector>();
            using var inFlight = context.HttpContext.Request.RouteValues.TryGetValue("user", out var user)
                ? context.HttpContext.RequestServices.GetRequiredService<RequestStats>().Enter(Uri.UnescapeDataString(user?.ToString() ?? string.Empty))
                : null;
            if (faults.Latency > TimeSpan.Zero)
            {
                await Task.Delay(faults.Latency);
            }

            if (faults.TryTake())
            {
                context.HttpContext.Response.Headers.RetryAfter = faults.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return Results.Json(GraphJson.Error(faults.Status == 429 ? "TooManyRequests" : "ServiceUnavailable",
                    "Please retry again later."), statusCode: faults.Status);
            }

            return await next(context);
        });

        // The user behind a rep's mailbox: Exchange's proxyAddresses hold the primary address ("SMTP:"), the tenant's
        // onmicrosoft.com address and an alias ("smtp:"). No simulated mail uses the alias, so the ground truth holds.
        graph.MapGet("/users/{user}", (string user, DemoOrganisation organisation) =>
            organisation.Reps.FirstOrDefault(r => string.Equals(r.Email, user, StringComparison.OrdinalIgnoreCase)) is { UserId: { } id } rep
                ? Results.Json(WithContext(new Dictionary<string, object?> { ["id"] = id, ["proxyAddresses"] = DemoOrganisation.ProxyAddresses(rep) }, "users(id,proxyAddresses)/$entity"))
                : NotFound("Request_ResourceNotFound", $"Resource '{user}' does not exist or one of its queried reference-property objects are not present."));
        graph.MapGet("/users/{user}/messages/{id}", (string user, string id, [FromQuery(Name = "$select")] string? select, MailboxStore store) =>
            store.Find(user, id) is { IsMessage: true } copy
                ? Results.Json(WithContext(GraphJson.Message(copy, GraphJson.ParseSelect(select)), $"users('{user}')/messages/$entity"))
                : NotFound());
        graph.MapGet("/users/{user}/events/{id}", (string user, string id, [FromQuery(Name = "$select")] string? select, MailboxStore store) =>
            store.Find(user, id) is { IsMessage: false } copy
                ? Results.Json(WithContext(GraphJson.Event(copy, GraphJson.ParseSelect(select)), $"users('{user}')/events/$entity"))
                : NotFound());

        // Call records by id, and the PSTN log function getPstnCalls(fromDateTime=…,toDateTime=…) under the same path
        // (the SDK may qualify it as microsoft.graph.callRecords.getPstnCalls).
        graph.MapGet("/communications/callRecords/{*rest}", (HttpRequest request, string rest, Calls.CallPlayer calls) =>
        {
            var path = Uri.UnescapeDataString(rest);
            if (path.Contains("getPstnCalls(", StringComparison.Ordinal))
            {
                var from = PstnParameter(path, "fromDateTime");
                var to = PstnParameter(path, "toDateTime");
                return from is null || to is null || to < from || (to.Value - from.Value).TotalDays > 90
                    ? Results.Json(GraphJson.Error("BadRequest", "fromDateTime and toDateTime must span at most 90 days."), statusCode: 400)
                    : Results.Json(calls.PstnCalls(from.Value, to.Value));
            }

            return path.Contains('/', StringComparison.Ordinal) ? NotFound() : calls.Record(path) is { } record ? Results.Json(record) : NotFound();
        });

        graph.MapPost("/subscriptions", async (SubscriptionRequestBody body, SubscriptionRegistry registry, CancellationToken cancellationToken) =>
        {
            var (created, status, code, message) = await registry.CreateAsync(body, cancellationToken);
            return created is not null
                ? Results.Json(created.ToJson(), statusCode: StatusCodes.Status201Created)
                : Results.Json(GraphJson.Error(code!, message!), statusCode: (int)status);
        });
        graph.MapGet("/subscriptions", (SubscriptionRegistry registry) => Results.Json(new { value = registry.All.Select(s => s.ToJson()) }));
        graph.MapPatch("/subscriptions/{id}", (string id, SubscriptionRequestBody body, SubscriptionRegistry registry) =>
            body.ExpirationDateTime is { } expiration && registry.Renew(id, expiration) is { } renewed
                ? Results.Json(renewed.ToJson())
                : NotFound());
        graph.MapDelete("/subscriptions/{id}", (string id, SubscriptionRegistry registry) =>
            registry.Delete(id) ? Results.NoContent() : NotFound());

        // Graph addresses the delta function both as "delta" (the docs) and "delta()" (the SDK).
        foreach (var delta in new[] { "delta", "delta()" })
        {
            graph.MapGet($"/users/{{user}}/mailFolders/{{folder}}/messages/{delta}", (HttpRequest request, string user, string folder, MailboxStore store, FaultInjector faults) =>
                MailboxStore.ResolveFolder(user, folder) is { } key
                    ? Delta(request, store, faults.DeltaGeneration, user, key, request.Query["$select"], null, null)
                    : NotFound());
            graph.MapGet($"/users/{{user}}/calendarView/{delta}", (HttpRequest request, string user, MailboxStore store, FaultInjector faults) =>
                Delta(request, store, faults.DeltaGeneration, user, "calendar", null, ParseTime(request.Query["startDateTime"]), ParseTime(request.Query["endDateTime"])));
        }

        graph.MapGet("/users/{user}/mailFolders", (HttpRequest request, string user, MailboxStore store) =>
            store.HasMailbox(user) ? FolderList(request, user, null) : NotFound());
        graph.MapGet("/users/{user}/mailFolders/{folder}", (string user, string folder, MailboxStore store) =>
            store.HasMailbox(user) && MailboxStore.ResolveFolder(user, folder) is { } key
                ? Results.Json(WithContext(FolderJson(user, MailboxStore.Folders.Single(f => f.Key == key)), $"users('{user}')/mailFolders/$entity"))
                : NotFound());
        graph.MapGet("/users/{user}/mailFolders/{folder}/childFolders", (HttpRequest request, string user, string folder, MailboxStore store) =>
            store.HasMailbox(user) && MailboxStore.ResolveFolder(user, folder) is { } key ? FolderList(request, user, key) : NotFound());

        app.MapPost("/sim/play", async (int? days, bool? notify, Player player, CancellationToken cancellationToken) =>
            Results.Ok(await player.PlayAsync(days, cancellationToken, notify ?? true)));
        app.MapPost("/sim/tidy", async (double? file, double? delete, bool? notify, Player player, CancellationToken cancellationToken) =>
            Results.Ok(await player.TidyAsync(file ?? 0.3, delete ?? 0.1, notify ?? true, cancellationToken)));
        app.MapPost("/sim/replay", async (Player player, CancellationToken cancellationToken) => Results.Ok(await player.ReplayAsync(cancellationToken)));
        app.MapGet("/sim/truth", (Player player, Calls.CallPlayer calls, DemoOrganisation organisation) => Results.Ok(new
        {
            tenant = DemoOrganisation.TenantId,
            reps = GroundTruth.Compute(organisation, player.PlayedEmails, player.PlayedMeetings, calls.Played).OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new { repId = r.Key, days = r.Value.Values.OrderBy(d => d.Day, StringComparer.Ordinal) }),
        }));
        app.MapGet("/sim/stats", (RequestStats stats) => Results.Ok(new { peakTotal = stats.PeakTotal, peakPerMailbox = stats.PeakPerMailbox() }));
        app.MapGet("/sim/directory", (DemoOrganisation organisation) => Results.Ok(organisation.Directory()));
        app.MapPost("/sim/lifecycle", async (LifecycleRequest request, SubscriptionRegistry registry, NotificationPublisher publisher, CancellationToken cancellationToken) =>
        {
            if (registry.Find(request.SubscriptionId) is not { } subscription)
            {
                return NotFound();
            }

            if (request.Event == "subscriptionRemoved")
            {
                registry.Delete(subscription.Id);
            }

            return await publisher.PublishLifecycleAsync(subscription, request.Event, cancellationToken) ? Results.NoContent() : Results.StatusCode(502);
        });
        app.MapPost("/sim/faults", (FaultRequest fault, FaultInjector faults) =>
        {
            faults.Arm(fault.ThrottleNextRequests, fault.Status, fault.RetryAfterSeconds);
            if (fault.ExpireDeltaTokens)
            {
                faults.ExpireDeltaTokens();
            }

            if (fault.DelayMs is { } delay)
            {
                faults.Latency = TimeSpan.FromMilliseconds(delay);
            }

            return Results.NoContent();
        });
    }

    private static IResult Delta(HttpRequest request, MailboxStore store, int generation, string user, string folder, string? select, DateTimeOffset? start, DateTimeOffset? end)
    {
        if (!store.HasMailbox(user))
        {
            return NotFound("ErrorInvalidUser", "The requested user is invalid.");
        }

        var skip = DeltaToken.Decode(request.Query["$skiptoken"]);
        var delta = DeltaToken.Decode(request.Query["$deltatoken"]);
        if ((request.Query.ContainsKey("$skiptoken") && skip is null) || (request.Query.ContainsKey("$deltatoken") && delta is null)
            || (skip ?? delta) is { } presented && presented.Generation != generation)
        {
            return Results.Json(GraphJson.Error("syncStateNotFound", "The sync state generation is not found."), statusCode: StatusCodes.Status410Gone);
        }

        // A round covers what existed when it started; later arrivals belong to the next round.
        var round = skip ?? new DeltaToken(delta?.After ?? 0, store.CurrentSequence, delta?.Select ?? select, delta?.Start ?? start, delta?.End ?? end, generation);
        if (delta is not null)
        {
            round = round with { After = delta.Until };
        }

        var pageSize = MaxPageSize(request);
        var items = store.Since(user, folder, round.After).Where(e => e.Sequence <= round.Until)
            .Where(e => e.Copy.Meeting is null || round.Start is null || (e.Copy.Meeting.Start >= round.Start && e.Copy.Meeting.Start < round.End))
            .ToList();
        var page = items.Take(pageSize).ToList();
        var link = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        var body = new Dictionary<string, object?>
        {
            ["@odata.context"] = $"{request.Scheme}://{request.Host}/v1.0/$metadata#Collection({(folder == "calendar" ? "event" : "message")})",
            ["value"] = page.Select(e => e.Removed ? GraphJson.Removed(e.Copy)
                : e.Copy.IsMessage ? GraphJson.Message(e.Copy, GraphJson.ParseSelect(round.Select)) : GraphJson.Event(e.Copy, null)).ToList(),
        };
        if (items.Count > page.Count)
        {
            body["@odata.nextLink"] = $"{link}?$skiptoken={(round with { After = page[^1].Sequence }).Encode()}";
        }
        else
        {
            body["@odata.deltaLink"] = $"{link}?$deltatoken={(round with { After = round.Until }).Encode()}";
        }

        return Results.Json(body);
    }

    private static IResult FolderList(HttpRequest request, string user, string? parent)
    {
        var folders = MailboxStore.Folders.Where(f => f.Parent == parent).Select(f => FolderJson(user, f)).ToList();

        // Pages of two whatever $top asks, so that clients must follow @odata.nextLink, as they must against Graph.
        var skip = int.TryParse(request.Query["$skip"], CultureInfo.InvariantCulture, out var s) ? s : 0;
        var body = new Dictionary<string, object?> { ["value"] = folders.Skip(skip).Take(2).ToList() };
        if (skip + 2 < folders.Count)
        {
            body["@odata.nextLink"] = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?$skip={skip + 2}";
        }

        return Results.Json(WithContext(body, $"users('{user}')/mailFolders"));
    }

    private static Dictionary<string, object?> FolderJson(string user, SimFolder folder) => new()
    {
        ["id"] = MailboxStore.FolderId(user, folder.Key),
        ["displayName"] = folder.DisplayName,
        ["parentFolderId"] = MailboxStore.FolderId(user, folder.Parent ?? "msgfolderroot"),
        ["childFolderCount"] = MailboxStore.Folders.Count(f => f.Parent == folder.Key),
        ["isHidden"] = false,
    };

    private static int MaxPageSize(HttpRequest request)
    {
        var prefer = request.Headers["Prefer"].ToString();
        var marker = prefer.IndexOf("odata.maxpagesize=", StringComparison.OrdinalIgnoreCase);
        if (marker >= 0)
        {
            var digits = new string(prefer[(marker + "odata.maxpagesize=".Length)..].TakeWhile(char.IsAsciiDigit).ToArray());
            if (int.TryParse(digits, CultureInfo.InvariantCulture, out var size) && size > 0)
            {
                return size;
            }
        }

        return 10;
    }

    private static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    private static Dictionary<string, object?> WithContext(Dictionary<string, object?> body, string context)
    {
        var result = new Dictionary<string, object?> { ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#{context}" };
        foreach (var (key, value) in body)
        {
            result[key] = value;
        }

        return result;
    }

    private static IResult NotFound(string code = "ErrorItemNotFound", string message = "The specified object was not found in the store.") =>
        Results.Json(GraphJson.Error(code, message), statusCode: StatusCodes.Status404NotFound);

    private static DateTimeOffset? PstnParameter(string path, string name)
    {
        var start = path.IndexOf(name + "=", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var value = path[(start + name.Length + 1)..].Split([',', ')'], 2)[0].Trim('\'', ' ');
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
    }
}
