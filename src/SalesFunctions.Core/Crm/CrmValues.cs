using System.Globalization;
using System.Text.Json;

namespace SalesFunctions.Core.Crm;

/// <summary>Conversions of provider values into the model's invariant text forms.</summary>
internal static class CrmValues
{
    /// <summary>The body as JSON, or a <see cref="CrmPayloadException"/> saying where it is not.</summary>
    public static JsonElement Json(ReadOnlyMemory<byte> body)
    {
        // The reader checks UTF-8 only where it decodes a string, which the parsers do after this returns.
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            throw new CrmPayloadException("Not JSON: the body is not UTF-8.");
        }

        try
        {
            return JsonSerializer.Deserialize<JsonElement>(body.Span);
        }
        catch (JsonException e)
        {
            throw new CrmPayloadException($"Not JSON: {e.Message}", e);
        }
    }

    public static string Instant(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    public static string? FromEpochMillis(string? value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? Instant(DateTimeOffset.FromUnixTimeMilliseconds(ms)) : ParseInstant(value);

    /// <summary>ISO 8601 with or without offset (UTC assumed without), Pipedrive's "yyyy-MM-dd HH:mm:ss" (UTC), or a date.</summary>
    public static string? ParseInstant(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? Instant(parsed)
        : null;

    public static DateTimeOffset? ReadInstant(string? value) =>
        value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : null;

    public static decimal? ReadNumber(string? value) =>
        decimal.TryParse(value, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>The host of a website or the domain of an address, lower case and without "www.".</summary>
    public static string? Domain(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Contains('@', StringComparison.Ordinal))
        {
            return text[(text.LastIndexOf('@') + 1)..].ToLowerInvariant();
        }

        var host = Uri.TryCreate(text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text, UriKind.Absolute, out var uri) ? uri.Host : text;
        host = host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
