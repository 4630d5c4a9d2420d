using System.Security.Cryptography;
using System.Text;

namespace SalesFunctions.Core.Activities;

/// <summary>
/// Stable activity ids. An internet message id (RFC 5322 Message-ID) is the same in the sender's Sent Items and
/// every recipient's Inbox, and an iCalUId is the same in every attendee's calendar, so hashing them with the tenant
/// gives one id per real-world activity. Hashing also keeps key-forbidden characters out of table keys.
/// </summary>
public static class ActivityIds
{
    public static string ForEmail(string tenantId, string internetMessageId) =>
        "em-" + Hash(tenantId, internetMessageId.Trim().ToLowerInvariant());

    public static string ForMeeting(string tenantId, string iCalUId) =>
        "mt-" + Hash(tenantId, iCalUId.Trim());

    /// <summary>
    /// One id per record of a call source: a Teams call record id, a PSTN log row's call id with its start (the docs say
    /// the call id alone is not unique), or a CRM connector and its record id. The same call in two sources has two ids;
    /// the catalogue counts it once (<see cref="Kpis.Catalogue.CallDedupe"/>).
    /// </summary>
    public static string ForCall(string tenantId, string source, string sourceId) =>
        "cl-" + Hash(tenantId, source + "\n" + sourceId.Trim());

    private static string Hash(string tenantId, string sourceId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(tenantId.ToLowerInvariant() + "\n" + sourceId));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 16));
    }
}
