using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Privacy;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Scoring;
using SalesFunctions.Core.Subscriptions;

namespace SalesFunctions.Core.Tenants;

/// <summary>
/// Imports a tenant's directory. An invalid directory never replaces the stored one. When the import changes what the
/// matching ladder reads (accounts' domains, contacts, internal domains), a "rematch" message applies it to the stored
/// history in the background: the import answers at once, however much history there is.
/// </summary>
public sealed class TenantDirectoryService(ITenantDirectoryStore store, TenantDirectoryCache cache, IQueuePublisher queue)
{
    public async Task<IReadOnlyList<string>> ImportAsync(TenantDirectory directory, CancellationToken cancellationToken)
    {
        var current = await store.GetAsync(directory.TenantId, cancellationToken);
        return await ReplaceAsync(KeepWhatGraphRead(directory, current), current, cancellationToken);
    }

    private async Task<IReadOnlyList<string>> ReplaceAsync(TenantDirectory directory, TenantDirectory? current, CancellationToken cancellationToken)
    {
        var errors = directory.Validate();
        if (errors.Count > 0)
        {
            return errors;
        }

        // The privacy policy has its own endpoint (PrivacyService), which purges what a stricter one excludes.
        await store.SaveAsync(directory with { Privacy = current?.Privacy ?? PrivacyPolicy.Default }, cancellationToken);
        cache.Invalidate(directory.TenantId);
        if (current is not null && MatchingKey(current) != MatchingKey(directory))
        {
            await queue.SendAsync(QueueNames.Rematch, new RematchMessage(directory.TenantId, DateOnly.MinValue), cancellationToken);
        }

        return [];
    }

    /// <summary>
    /// Adds an email domain to one account (the unmatched-domain bucket's one-click mapping); the import then queues
    /// the rematch of stored history. Null when the account is not in the directory; the validation errors otherwise
    /// (a domain another account claims), none when mapped or already the account's.
    /// </summary>
    public async Task<IReadOnlyList<string>?> AddAccountDomainAsync(string tenantId, string accountId, string domain, CancellationToken cancellationToken)
    {
        var current = await store.GetAsync(tenantId, cancellationToken) ?? throw new TenantNotConfiguredException(tenantId);
        if (current.AccountById(accountId) is not { } account)
        {
            return null;
        }

        var normalised = EmailAddresses.Normalise(domain);
        if (account.Domains.Any(d => EmailAddresses.Normalise(d) == normalised))
        {
            return [];
        }

        var accounts = current.Accounts.Select(a => a.Id == accountId ? a with { Domains = [.. a.Domains, normalised] } : a).ToList();
        return await ImportAsync(current with { Accounts = accounts }, cancellationToken);
    }

    /// <summary>
    /// Records what Graph says about the user behind a rep's mailbox: their object id (when the import gave none) and
    /// the mailbox's other SMTP addresses. An address outside the internal domains (the tenant's onmicrosoft.com one,
    /// say) or another rep's is skipped. Returns how many addresses were added and skipped; none when no rep has the
    /// mailbox's address.
    /// </summary>
    public async Task<(int Added, int Skipped)> AddMailboxUserAsync(string tenantId, string mailbox, MailboxUser user, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(tenantId, cancellationToken) is not { } current || current.RepByEmail(mailbox) is not { } rep)
        {
            return (0, 0);
        }

        var known = rep.Addresses.Select(EmailAddresses.Normalise).ToHashSet(StringComparer.Ordinal);
        var added = new List<string>();
        var skipped = 0;
        foreach (var address in user.SmtpAddresses.Select(EmailAddresses.Normalise).Distinct(StringComparer.Ordinal).Where(a => !known.Contains(a)))
        {
            if (!EmailAddresses.IsPlain(address) || !current.IsInternal(address) || current.RepByEmail(address) is not null)
            {
                skipped++;
                continue;
            }

            added.Add(address);
        }

        var userId = rep.UserId ?? user.Id;
        if (added.Count == 0 && userId == rep.UserId)
        {
            return (0, skipped);
        }

        var reps = current.Reps.Select(r => r.Id == rep.Id ? r with { MailboxAddresses = [.. r.MailboxAddresses, .. added], UserId = userId } : r).ToList();
        var errors = await ReplaceAsync(current with { Reps = reps }, current, cancellationToken);
        return errors.Count == 0 ? (added.Count, skipped) : (0, skipped + added.Count);
    }

    /// <summary>
    /// An import says who the reps are; the addresses and object id read from Graph stay with a rep that keeps its id and
    /// primary address, less any address the import now gives someone else.
    /// </summary>
    private static TenantDirectory KeepWhatGraphRead(TenantDirectory directory, TenantDirectory? current)
    {
        var stored = (current?.Reps ?? []).ToDictionary(r => (r.Id, EmailAddresses.Normalise(r.Email)));
        if (stored.Count == 0)
        {
            return directory;
        }

        var imported = directory.Reps.SelectMany(r => r.Aliases.Prepend(r.Email)).Select(EmailAddresses.Normalise).ToHashSet(StringComparer.Ordinal);
        return directory with
        {
            Reps = [.. directory.Reps.Select(r => stored.TryGetValue((r.Id, EmailAddresses.Normalise(r.Email)), out var before)
                ? r with
                {
                    MailboxAddresses = [.. before.MailboxAddresses.Where(a => !imported.Contains(EmailAddresses.Normalise(a)))],
                    UserId = r.UserId ?? before.UserId,
                }
                : r)],
        };
    }

    /// <summary>Everything the matching ladder reads, in a canonical order: equal keys match every address alike.</summary>
    private static string MatchingKey(TenantDirectory directory) => string.Join('\n',
        directory.InternalDomains.Select(EmailAddresses.Normalise).Order(StringComparer.Ordinal)
            .Concat(directory.Accounts.SelectMany(a => a.Domains.Select(d => $"{a.Id}:{EmailAddresses.Normalise(d)}")).Order(StringComparer.Ordinal))
            .Concat(directory.Contacts.Select(c => $"{EmailAddresses.Normalise(c.Email)}>{c.AccountId}").Order(StringComparer.Ordinal))
            .Concat(directory.Contacts.SelectMany(c => c.Phones.Select(p => $"{E164Numbers.Normalise(p, directory.PhoneRegion)}>{EmailAddresses.Normalise(c.Email)}")).Order(StringComparer.Ordinal)));
}
