using System.Globalization;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Traces;

namespace SalesFunctions.Api.Endpoints;

/// <summary>
/// "Why wasn't this captured?": GET .../traces?messageId=&lt;Message-ID&gt; (or &amp;meeting=true with an iCalUId),
/// ?itemId=&lt;Graph id&gt;, or only a window (?from=&amp;to=, ISO 8601) for every trace in it. Ids only in the answer.
/// </summary>
public static class TraceEndpoints
{
    private const int DefaultLimit = 1000;

    public static async Task<IResult> GetAsync(string tenantId, HttpRequest request, TraceQueryService traces, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = request.Query;
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        if (!KeyText.IsSafeId(tenantId))
        {
            errors["tenantId"] = ["Not a valid tenant id."];
        }

        var to = Instant(query["to"], "to", now, errors);
        var from = Instant(query["from"], "from", to - TimeSpan.FromDays(7), errors);
        if (from > to || to - from > traces.MaxWindow)
        {
            errors["from"] = [$"from must be before to, and the window at most {traces.MaxWindow.TotalDays} days."];
        }

        var limit = DefaultLimit;
        if (query["limit"] is { Count: > 0 } text && (!int.TryParse(text, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 10_000))
        {
            errors["limit"] = ["limit must be 1 to 10000."];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        if (query["messageId"] is { Count: > 0 } messageId && !string.IsNullOrWhiteSpace(messageId))
        {
            var meeting = string.Equals(query["meeting"], "true", StringComparison.OrdinalIgnoreCase);
            return Results.Ok(await traces.ExplainMessageAsync(tenantId, messageId.ToString().Trim(), meeting, from, to, cancellationToken));
        }

        if (query["itemId"] is { Count: > 0 } itemId && !string.IsNullOrWhiteSpace(itemId))
        {
            return Results.Ok(await traces.ExplainItemAsync(tenantId, itemId.ToString(), from, to, cancellationToken));
        }

        var listed = await traces.ListAsync(tenantId, from, to, limit, cancellationToken);
        return Results.Ok(new
        {
            from,
            to,
            count = listed.Count,
            truncated = listed.Count == limit,
            byOutcome = listed.GroupBy(t => t.Outcome?.ToString() ?? "received").ToDictionary(g => g.Key, g => g.Count()),
            traces = listed,
        });
    }

    private static DateTimeOffset Instant(string? text, string name, DateTimeOffset fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) && SupportedDays.Contains(parsed))
        {
            return parsed;
        }

        errors[name] = [$"'{name}' must be an ISO 8601 date or instant {SupportedDays.Described}."];
        return fallback;
    }
}
