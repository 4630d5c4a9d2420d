using System.Security.Cryptography;
using System.Text;

namespace SalesFunctions.Core.Traces;

public static class TraceKeys
{
    /// <summary>For items whose message id is not known yet (a notification) or at all (a fetch that found nothing).</summary>
    public static string ForItem(string itemId) => "item-" + Hash(itemId, 24);

    /// <summary>Lets a trace say which mailbox without holding its address; the API computes it from a queried address.</summary>
    public static string Mailbox(string mailbox) => Hash(mailbox.Trim().ToLowerInvariant(), 16);

    private static string Hash(string value, int length) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..length];
}
