using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Scoring;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Crm;

/// <summary>
/// Extends an imported directory with the accounts and contacts the CRMs send (ADR 0012), so that matching and
/// qualification see a company or person as soon as the CRM knows them. The import always wins: a CRM account whose
/// id is an imported account's id lends it its domains; one whose domain an imported account already owns is that
/// account; only a company the import does not know becomes a new account (its CRM id as the account id). A CRM contact
/// joins the account its CRM company maps to, unless the import lists that address already. Internal and free-mail
/// domains never become account domains; deleted records are left out.
/// </summary>
public static class CrmDirectory
{
    /// <summary>The fields of accounts and contacts that decide where an address is matched.</summary>
    public static bool AffectsMatching(CrmEntityKind kind, string field) => (kind, field) switch
    {
        (CrmEntityKind.Account, CrmFields.Domains or CrmFields.Deleted) => true,
        (CrmEntityKind.Contact, CrmFields.Email or CrmFields.AccountId or CrmFields.Phone or CrmFields.Deleted) => true,
        _ => false,
    };

    public static TenantDirectory Extend(TenantDirectory imported, IEnumerable<CrmRecord> accounts, IEnumerable<CrmRecord> contacts)
    {
        var merged = imported.Accounts.ToList();
        var indexById = merged.Select((a, i) => (a.Id, i)).DistinctBy(x => x.Id, StringComparer.Ordinal).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var account in merged)
        {
            foreach (var domain in account.Domains)
            {
                owner.TryAdd(EmailAddresses.Normalise(domain), account.Id);
            }
        }

        // Which directory account each CRM company is, per connector (CRM ids are only unique within one CRM).
        var mapped = new Dictionary<(string Connector, string Id), string>();
        foreach (var record in accounts.Where(r => r.Kind == CrmEntityKind.Account && !r.IsDeleted)
            .OrderBy(r => r.ConnectorId, StringComparer.Ordinal).ThenBy(r => r.ExternalId, StringComparer.Ordinal))
        {
            var domains = DomainsOf(imported, record);
            if (imported.AccountById(record.ExternalId) is not null && indexById.TryGetValue(record.ExternalId, out var same))
            {
                var added = domains.Where(d => !owner.ContainsKey(d)).ToList();
                merged[same] = merged[same] with { Domains = [.. merged[same].Domains, .. added] };
                added.ForEach(d => owner[d] = record.ExternalId);
                mapped[(record.ConnectorId, record.ExternalId)] = record.ExternalId;
            }
            else if (domains.Select(d => owner.GetValueOrDefault(d)).FirstOrDefault(o => o is not null) is { } owning)
            {
                mapped[(record.ConnectorId, record.ExternalId)] = owning;
            }
            else if (domains.Count > 0
                && (indexById.ContainsKey(record.ExternalId) ? $"{record.ConnectorId}.{record.ExternalId}" : record.ExternalId) is var id
                && KeyText.IsSafeId(id) && !indexById.ContainsKey(id))
            {
                // The id becomes a table key (KPI rows per account): one no key can hold is left to the directory import.
                indexById[id] = merged.Count;
                merged.Add(new Account(id, record[CrmFields.Name] ?? id, domains));
                domains.ForEach(d => owner[d] = id);
                mapped[(record.ConnectorId, record.ExternalId)] = id;
            }
        }

        var listed = imported.Contacts.Select(c => EmailAddresses.Normalise(c.Email)).ToHashSet(StringComparer.Ordinal);
        var people = imported.Contacts.ToList();
        foreach (var record in contacts.Where(r => r.Kind == CrmEntityKind.Contact && !r.IsDeleted)
            .OrderBy(r => r.ConnectorId, StringComparer.Ordinal).ThenBy(r => r.ExternalId, StringComparer.Ordinal))
        {
            if (record[CrmFields.Email] is not { } email || !email.Contains('@', StringComparison.Ordinal) || imported.IsInternal(email)
                || record[CrmFields.AccountId] is not { } crmAccount || !listed.Add(EmailAddresses.Normalise(email)))
            {
                continue;
            }

            var accountId = mapped.GetValueOrDefault((record.ConnectorId, crmAccount)) ?? (indexById.ContainsKey(crmAccount) ? crmAccount : null);
            if (accountId is null)
            {
                listed.Remove(EmailAddresses.Normalise(email));
                continue;
            }

            var name = string.Join(' ', new[] { record[CrmFields.FirstName], record[CrmFields.LastName] }.Where(n => !string.IsNullOrWhiteSpace(n)));
            people.Add(new Contact(email.Trim(), accountId)
            {
                Name = name.Length > 0 ? name : null,
                Title = record[CrmFields.Title],
                Role = record[CrmFields.Role],

                // Only a number that reads as one: a CRM's free-text phone field must not make the directory invalid.
                Phones = E164Numbers.Normalise(record[CrmFields.Phone], imported.PhoneRegion) is { } phone ? [phone] : [],
            });
        }

        return imported with { Accounts = merged, Contacts = people };
    }

    private static List<string> DomainsOf(TenantDirectory imported, CrmRecord account) =>
        [.. (account[CrmFields.Domains] ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(EmailAddresses.Normalise)
            .Where(d => d.Contains('.', StringComparison.Ordinal) && !AccountMatcher.IsFreeMail("x@" + d) && !imported.IsInternal("x@" + d))
            .Distinct(StringComparer.Ordinal)];
}
