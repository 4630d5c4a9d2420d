using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Scoring;

/// <summary>
/// The matching ladder for an external address: a known contact's account; else the account owning its domain; else the
/// account owning a parent domain. Free-mail domains never match by domain (a contact using one still matches), and
/// callers never match internal participants: colleagues are not customers.
/// </summary>
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

    public static AccountMatch? MatchWithMethod(TenantDirectory directory, string email)
    {
        if (directory.ContactByEmail(email) is { } contact && directory.AccountById(contact.AccountId) is not null)
        {
            return new AccountMatch(contact.AccountId, AccountMatchMethod.Contact);
        }

        return IsFreeMail(email) ? null
            : directory.AccountByDomain(email) is ({ } account, var exact) ? new AccountMatch(account.Id, exact ? AccountMatchMethod.Domain : AccountMatchMethod.ParentDomain)
            : null;
    }

    public static string? Match(TenantDirectory directory, string email) => MatchWithMethod(directory, email)?.AccountId;
}
