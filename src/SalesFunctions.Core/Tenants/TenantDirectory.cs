using System.ComponentModel.DataAnnotations;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Privacy;

namespace SalesFunctions.Core.Tenants;

/// <summary>
/// Who sells (reps in teams) and to whom (accounts by domain) for one tenant. Imported from a CRM or a file; the
/// capture and rollup steps read it, never write it.
/// </summary>
public sealed record TenantDirectory(
    string TenantId,
    IReadOnlyList<string> InternalDomains,
    string TimeZone,
    IReadOnlyList<Team> Teams,
    IReadOnlyList<Rep> Reps,
    IReadOnlyList<Account> Accounts)
{
    /// <summary>Set through the privacy endpoint, never by a directory import, so that an import cannot loosen it.</summary>
    public PrivacyPolicy Privacy { get; init; } = PrivacyPolicy.Default;

    /// <summary>People at accounts; an exact address match is the first rung of the matching ladder.</summary>
    public IReadOnlyList<Contact> Contacts { get; init; } = [];

    /// <summary>What callers may see beyond their own scope.</summary>
    public TenantAccess Access { get; init; } = TenantAccess.Default;

    /// <summary>ISO 3166 region of phone numbers written without a country code ("US", "DE"); without it such numbers match nothing.</summary>
    public string? PhoneRegion { get; init; }

    private Dictionary<string, Rep>? _repsByEmail;
    private Dictionary<string, Account>? _accountsByDomain;
    private Dictionary<string, Account>? _accountsById;
    private Dictionary<string, Contact>? _contactsByEmail;
    private Dictionary<string, Contact>? _contactsByPhone;
    private Dictionary<string, Rep>? _repsByUserId;
    private TimeZoneInfo? _zone;

    /// <summary>A `with` copy gets no lookup index of the original: they index the original's lists.</summary>
    private TenantDirectory(TenantDirectory original)
    {
        (TenantId, InternalDomains, TimeZone, Teams, Reps, Accounts) =
            (original.TenantId, original.InternalDomains, original.TimeZone, original.Teams, original.Reps, original.Accounts);
        (Privacy, Contacts, Access, PhoneRegion) = (original.Privacy, original.Contacts, original.Access, original.PhoneRegion);
    }

    public TimeZoneInfo Zone => _zone ??= TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public bool IsInternal(string email) =>
        InternalDomains.Any(d => EmailAddresses.IsWithin(EmailAddresses.DomainOf(email), d));

    public Rep? RepByEmail(string email)
    {
        _repsByEmail ??= Reps.SelectMany(r => r.Addresses.Select(a => (Address: EmailAddresses.Normalise(a), Rep: r)))
            .DistinctBy(a => a.Address, StringComparer.Ordinal).ToDictionary(a => a.Address, a => a.Rep, StringComparer.Ordinal);
        return _repsByEmail.GetValueOrDefault(EmailAddresses.Normalise(email));
    }

    /// <summary>The account owning the address's domain or its nearest parent domain (mail.acme.example → acme.example).</summary>
    public Account? AccountByEmail(string email) => AccountByDomain(email)?.Account;

    /// <summary>As <see cref="AccountByEmail"/>, and whether the domain itself (not a parent) is the account's.</summary>
    public (Account Account, bool ExactDomain)? AccountByDomain(string email)
    {
        _accountsByDomain ??= BuildDomainIndex();
        var domain = EmailAddresses.DomainOf(email);
        var exact = true;
        while (domain.Contains('.', StringComparison.Ordinal))
        {
            if (_accountsByDomain.TryGetValue(domain, out var account))
            {
                return (account, exact);
            }

            domain = domain[(domain.IndexOf('.', StringComparison.Ordinal) + 1)..];
            exact = false;
        }

        return null;
    }

    public Contact? ContactByEmail(string email)
    {
        _contactsByEmail ??= Contacts.DistinctBy(c => EmailAddresses.Normalise(c.Email), StringComparer.Ordinal)
            .ToDictionary(c => EmailAddresses.Normalise(c.Email), StringComparer.Ordinal);
        return _contactsByEmail.GetValueOrDefault(EmailAddresses.Normalise(email));
    }

    /// <summary>The contact with this E.164 number; of two contacts sharing one (a switchboard), the first listed.</summary>
    public Contact? ContactByPhone(string e164)
    {
        _contactsByPhone ??= Contacts
            .SelectMany(c => c.Phones.Select(p => (Number: E164Numbers.Normalise(p, PhoneRegion), Contact: c)))
            .Where(x => x.Number is not null)
            .DistinctBy(x => x.Number, StringComparer.Ordinal)
            .ToDictionary(x => x.Number!, x => x.Contact, StringComparer.Ordinal);
        return _contactsByPhone.GetValueOrDefault(e164);
    }

    /// <summary>The rep with this Entra ID object id (case-insensitive: it is a GUID).</summary>
    public Rep? RepByUserId(string userId)
    {
        _repsByUserId ??= Reps.Where(r => !string.IsNullOrWhiteSpace(r.UserId))
            .DistinctBy(r => r.UserId!.Trim().ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(r => r.UserId!.Trim().ToLowerInvariant(), StringComparer.Ordinal);
        return _repsByUserId.GetValueOrDefault(userId.Trim().ToLowerInvariant());
    }

    public Account? AccountById(string accountId)
    {
        _accountsById ??= Accounts.DistinctBy(a => a.Id, StringComparer.Ordinal).ToDictionary(a => a.Id, StringComparer.Ordinal);
        return _accountsById.GetValueOrDefault(accountId);
    }

    public DateOnly LocalDay(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>Problems that make the directory unusable; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(TenantId))
        {
            errors.Add("tenantId is required.");
        }

        if (InternalDomains.Count == 0)
        {
            errors.Add("internalDomains needs at least one domain.");
        }

        errors.AddRange(Privacy.Validate().Select(e => $"privacy: {e}"));
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            errors.Add($"timeZone '{TimeZone}' is not a known time zone id.");
        }

        var teamIds = Teams.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(Duplicates(Teams.Select(t => t.Id)).Select(id => $"team id '{id}' appears more than once."));
        errors.AddRange(Duplicates(Reps.Select(r => r.Id)).Select(id => $"rep id '{id}' appears more than once."));
        errors.AddRange(Duplicates(Reps.SelectMany(r => r.Addresses.Select(EmailAddresses.Normalise).Distinct())).Select(e => $"rep address '{e}' appears more than once."));
        errors.AddRange(Duplicates(Accounts.Select(a => a.Id)).Select(id => $"account id '{id}' appears more than once."));
        errors.AddRange(Duplicates(Accounts.SelectMany(a => a.Domains.Select(EmailAddresses.Normalise))).Select(d => $"domain '{d}' belongs to more than one account."));
        errors.AddRange(Reps.Where(r => !teamIds.Contains(r.TeamId)).Select(r => $"rep '{r.Id}' names unknown team '{r.TeamId}'."));
        var accountIds = Accounts.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(Contacts.Where(c => !accountIds.Contains(c.AccountId)).Select(c => $"a contact names unknown account '{c.AccountId}'."));
        errors.AddRange(Duplicates(Contacts.Select(c => EmailAddresses.Normalise(c.Email))).Select(_ => "a contact address appears more than once."));
        errors.AddRange(Contacts.Where(c => IsInternal(c.Email)).Select(c => $"a contact of account '{c.AccountId}' has an internal address; colleagues are never customers."));
        if (PhoneRegion is { } phoneRegion && !E164Numbers.IsRegion(phoneRegion))
        {
            errors.Add($"phoneRegion '{phoneRegion}' is not an ISO 3166 region code with a phone numbering plan.");
        }

        errors.AddRange(Contacts.Where(c => c.Phones.Any(p => E164Numbers.Normalise(p, PhoneRegion) is null))
            .Select(c => $"a contact of account '{c.AccountId}' has a phone number that is not a possible number (give +country code, or set phoneRegion)."));
        errors.AddRange(Reps.Where(r => r.Addresses.Any(a => !IsInternal(a))).Select(r => $"rep '{r.Id}' has an address outside the internal domains."));
        errors.AddRange(new[] { TenantId }.Concat(Teams.Select(t => t.Id)).Concat(Reps.Select(r => r.Id)).Concat(Accounts.Select(a => a.Id))
            .Where(id => !KeyText.IsSafeId(id)).Select(id => $"id '{id}' must be 1-100 characters of letters, digits, '-', '_' or '.'."));
        return errors;
    }

    private Dictionary<string, Account> BuildDomainIndex()
    {
        var index = new Dictionary<string, Account>(StringComparer.Ordinal);
        foreach (var account in Accounts)
        {
            foreach (var domain in account.Domains)
            {
                index.TryAdd(EmailAddresses.Normalise(domain), account);
            }
        }

        return index;
    }

    private static IEnumerable<string> Duplicates(IEnumerable<string> values) =>
        values.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
}
