using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Privacy;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Scoring;

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
        var errors = directory.Validate();
        if (errors.Count > 0)
        {
            return errors;
        }

        // The privacy policy has its own endpoint (PrivacyService), which purges what a stricter one excludes.
        var current = await store.GetAsync(directory.TenantId, cancellationToken);
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

    /// <summary>Everything the matching ladder reads, in a canonical order: equal keys match every address alike.</summary>
    private static string MatchingKey(TenantDirectory directory) => string.Join('\n',
        directory.InternalDomains.Select(EmailAddresses.Normalise).Order(StringComparer.Ordinal)
            .Concat(directory.Accounts.SelectMany(a => a.Domains.Select(d => $"{a.Id}:{EmailAddresses.Normalise(d)}")).Order(StringComparer.Ordinal))
            .Concat(directory.Contacts.Select(c => $"{EmailAddresses.Normalise(c.Email)}>{c.AccountId}").Order(StringComparer.Ordinal))
            .Concat(directory.Contacts.SelectMany(c => c.Phones.Select(p => $"{E164Numbers.Normalise(p, directory.PhoneRegion)}>{EmailAddresses.Normalise(c.Email)}")).Order(StringComparer.Ordinal)));
}
