using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SalesFunctions.Core.Crm;

/// <summary>
/// Each provider's own webhook authentication (protocols.md §3–6). Every secret comparison is constant-time; every
/// failure names what was wrong without echoing a secret or a signature.
/// </summary>
public static class CrmAuthenticator
{
    /// <summary>HubSpot's SDKs reject v3 requests older than 5 minutes (MAX_ALLOWED_TIMESTAMP = 300 s).</summary>
    public static readonly TimeSpan HubSpotWindow = TimeSpan.FromMinutes(5);

    /// <summary>Null when the request is authentic; otherwise why not.</summary>
    public static string? Check(CrmConnector connector, CrmRequest request, DateTimeOffset now) => connector.Provider switch
    {
        CrmProvider.HubSpot => HubSpot(connector, request, now),
        CrmProvider.Salesforce => SalesforceUrlKey(connector, request),
        CrmProvider.Dynamics => Dynamics(connector, request),
        CrmProvider.Pipedrive => Pipedrive(connector, request),
        CrmProvider.Generic => Generic(connector, request),
        _ => "unknown provider",
    };

    /// <summary>Salesforce's second check, once the SOAP body is parsed: the message must come from the configured org.</summary>
    public static string? SalesforceOrganization(CrmConnector connector, string organizationId) =>
        SameSalesforceId(connector.OrganizationId ?? string.Empty, organizationId) ? null : "OrganizationId does not match the connector";

    /// <summary>HubSpot v1: hex(SHA-256(clientSecret + body)).</summary>
    public static string HubSpotV1(string secret, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(secret), .. body]));

    /// <summary>HubSpot v2: hex(SHA-256(clientSecret + method + uri + body)).</summary>
    public static string HubSpotV2(string secret, string method, string uri, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(secret + method + uri), .. body]));

    /// <summary>HubSpot v3: base64(HMAC-SHA256(clientSecret, method + uri + body + timestamp)).</summary>
    public static string HubSpotV3(string secret, string method, string uri, ReadOnlySpan<byte> body, string timestamp) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            (byte[])[.. Encoding.UTF8.GetBytes(method + uri), .. body, .. Encoding.UTF8.GetBytes(timestamp)]));

    /// <summary>Generic: hex(HMAC-SHA256(secret, body)).</summary>
    public static string GenericSignature(string secret, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>
    /// The URL as HubSpot signed it: the connector's full public URL when configured (a proxy that rewrites the path),
    /// else its public base (proxies and the Functions front end change scheme and host), with the characters HubSpot's
    /// docs say to decode before signing decoded.
    /// </summary>
    public static string HubSpotUri(CrmConnector connector, Uri url)
    {
        var uri = connector.PublicUrl is { } publicUrl ? publicUrl + url.Query
            : connector.PublicBaseUrl is { } publicBase ? publicBase.TrimEnd('/') + url.PathAndQuery
            : url.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped);
        foreach (var (encoded, plain) in DecodedInV3)
        {
            uri = uri.Replace(encoded, plain, StringComparison.OrdinalIgnoreCase);
        }

        return uri;
    }

    private static readonly (string Encoded, string Plain)[] DecodedInV3 =
    [
        ("%3A", ":"), ("%2F", "/"), ("%3F", "?"), ("%40", "@"), ("%21", "!"), ("%24", "$"), ("%27", "'"), ("%28", "("), ("%29", ")"),
        ("%2A", "*"), ("%2C", ","), ("%3B", ";"),
    ];

    private static string? HubSpot(CrmConnector connector, CrmRequest request, DateTimeOffset now)
    {
        var secret = connector.Secret!;
        var body = request.Body.Span;
        if (request.Header("X-HubSpot-Signature-v3") is { } v3)
        {
            var timestamp = request.Header("X-HubSpot-Request-Timestamp");
            if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var millis))
            {
                return "X-HubSpot-Request-Timestamp is missing or not a number";
            }

            var age = now - DateTimeOffset.FromUnixTimeMilliseconds(millis);
            if (age > HubSpotWindow || age < -HubSpotWindow)
            {
                return "X-HubSpot-Request-Timestamp is more than 5 minutes from now";
            }

            return Same(v3, HubSpotV3(secret, request.Method, HubSpotUri(connector, request.Url), body, timestamp!)) ? null : "X-HubSpot-Signature-v3 does not match";
        }

        var signature = request.Header("X-HubSpot-Signature");
        if (signature is null)
        {
            return "no X-HubSpot-Signature-v3 or X-HubSpot-Signature header";
        }

        var expected = request.Header("X-HubSpot-Signature-Version") switch
        {
            "v1" => HubSpotV1(secret, body),
            "v2" => HubSpotV2(secret, request.Method, HubSpotUri(connector, request.Url), body),
            _ => null,
        };
        return expected is null ? "X-HubSpot-Signature-Version must be v1 or v2"
            : Same(signature.ToLowerInvariant(), expected) ? null
            : "X-HubSpot-Signature does not match";
    }

    private static string? SalesforceUrlKey(CrmConnector connector, CrmRequest request) =>
        request.QueryValue("key") is { } key && Same(key, connector.UrlKey!) ? null : "the key in the URL does not match";

    private static string? Dynamics(CrmConnector connector, CrmRequest request)
    {
        Func<string, string?> read = connector.DynamicsAuth == DynamicsAuthMode.HttpHeader ? request.Header : request.QueryValue;
        var required = connector.DynamicsAuth == DynamicsAuthMode.WebhookKey
            ? connector.DynamicsValues.Where(v => v.Key.Equals("code", StringComparison.OrdinalIgnoreCase))
            : connector.DynamicsValues;

        // Check every pair even after a mismatch, so the time taken says nothing about which one failed.
        var ok = true;
        foreach (var (name, value) in required)
        {
            ok &= read(name) is { } actual && Same(actual, value);
        }

        return ok ? null : connector.DynamicsAuth switch
        {
            DynamicsAuthMode.HttpHeader => "a configured header is missing or does not match",
            DynamicsAuthMode.WebhookKey => "the code in the URL does not match",
            _ => "a configured query parameter is missing or does not match",
        };
    }

    private static string? Pipedrive(CrmConnector connector, CrmRequest request)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{connector.BasicUser}:{connector.BasicPassword}"));
        return request.Header("Authorization") is { } actual && Same(actual, expected) ? null : "HTTP Basic credentials are missing or do not match";
    }

    private static string? Generic(CrmConnector connector, CrmRequest request)
    {
        var header = request.Header(connector.SignatureHeader);
        if (header is null)
        {
            return $"no {connector.SignatureHeader} header";
        }

        var signature = header.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase) ? header["sha256=".Length..] : header;
        return Same(signature.ToLowerInvariant(), GenericSignature(connector.Secret!, request.Body.Span)) ? null : $"{connector.SignatureHeader} does not match";
    }

    /// <summary>An 18-character id is the 15-character one plus a case checksum: compare the 15 case-sensitive characters.</summary>
    private static bool SameSalesforceId(string configured, string received) =>
        configured.Length >= 15 && received.Length >= 15 && Same(configured[..15], received[..15]);

    private static bool Same(string actual, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(expected));
}
