using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Scoring;

/// <summary>Matches an external address to an account by domain (or a parent domain). Free-mail domains never match.</summary>
public static class AccountMatcher
{
    // Thousands of unrelated people share these domains; an account that lists one by mistake must not claim them all.
    private static readonly HashSet<string> FreeMailDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
        "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.net", "gmx.de",
        "web.de", "mail.com", "yandex.com", "yandex.ru", "zoho.com", "qq.com", "163.com", "126.com",
    };

    public static bool IsFreeMail(string email) => FreeMailDomains.Contains(EmailAddresses.DomainOf(email));

    public static string? Match(TenantDirectory directory, string email) =>
        IsFreeMail(email) ? null : directory.AccountByEmail(email)?.Id;
}
