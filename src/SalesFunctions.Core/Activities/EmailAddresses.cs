namespace SalesFunctions.Core.Activities;

public static class EmailAddresses
{
    /// <summary>Addresses compare case-insensitively in practice; one canonical form keeps keys and joins stable.</summary>
    public static string Normalise(string address) => address.Trim().ToLowerInvariant();

    /// <summary>True when the text is a bare address (name@domain), without a display name, brackets or comments.</summary>
    public static bool IsPlain(string text) => System.Net.Mail.MailAddress.TryCreate(text, out var address) && address.Address == text;

    public static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? string.Empty : address[(at + 1)..].ToLowerInvariant();
    }

    /// <summary>True when <paramref name="domain"/> is <paramref name="parent"/> or one of its subdomains.</summary>
    public static bool IsWithin(string domain, string parent) =>
        domain.Equals(parent, StringComparison.OrdinalIgnoreCase)
        || domain.EndsWith("." + parent, StringComparison.OrdinalIgnoreCase);
}
