using System.Security.Cryptography;
using System.Text;

namespace SalesFunctions.Core.Subscriptions;

public static class ClientStates
{
    /// <summary>A fresh secret per subscription (Graph caps clientState at 255 characters; this is 43).</summary>
    public static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string clientState) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientState)));

    /// <summary>Constant-time comparison so that response timing does not leak how much of a guess was right.</summary>
    public static bool Matches(string? presented, string storedHash)
    {
        if (presented is null)
        {
            return false;
        }

        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var stored = Convert.FromHexString(storedHash);
        return CryptographicOperations.FixedTimeEquals(presentedHash, stored);
    }
}
