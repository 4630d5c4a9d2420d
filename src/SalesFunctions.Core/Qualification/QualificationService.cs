using SalesFunctions.Core.Activities;
using Microsoft.Extensions.Options;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Privacy;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Qualification;

/// <summary>
/// Qualification per account and per opportunity, evaluated on read from what is stored: the account's activities in
/// the configured look-back window, its contacts, and the deal's CRM fields. Every number and its history can be
/// recomputed for any instant, so nothing is kept that could drift from the facts (docs/qualification.md).
/// </summary>
public sealed class QualificationService(
    TenantDirectoryCache directories,
    IQualificationConfigStore configs,
    IActivityStore activities,
    ICrmStore crm,
    IOptionsMonitor<CrmOptions> crmOptions,
    TimeProvider time)
{
    private readonly PerTenantCache<QualificationConfig> _cache = new(time);

    /// <summary>Validates <paramref name="json"/> and stores it only when it is valid: a bad configuration never replaces a good one.</summary>
    public async Task<QualificationConfigParseResult> SetConfigAsync(string tenantId, string json, CancellationToken cancellationToken)
    {
        var parsed = QualificationConfigFile.Parse(json, "request body");
        if (parsed.Succeeded)
        {
            await configs.SaveAsync(tenantId, json, cancellationToken);
            _cache.Invalidate(tenantId);
        }

        return parsed;
    }

    public Task<QualificationConfig> GetConfigAsync(string tenantId, CancellationToken cancellationToken) =>
        _cache.GetAsync(tenantId, async () =>
        {
            var json = await configs.GetAsync(tenantId, cancellationToken) ?? "{}";
            var parsed = QualificationConfigFile.Parse(json, $"stored qualification configuration of tenant {tenantId}");
            return parsed.Config ?? throw new InvalidOperationException(
                $"The stored qualification configuration of tenant '{tenantId}' no longer validates: {string.Join("; ", parsed.Errors)}. Upload a corrected one.");
        });

    /// <returns>Null when the directory has no such account.</returns>
    public async Task<QualificationReport?> ForAccountAsync(string tenantId, string accountId, string? pipeline, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var directory = await directories.GetAsync(tenantId, cancellationToken);
        return directory.AccountById(accountId) is { } account
            ? await EvaluateAsync(directory, account, null, pipeline, asOf ?? time.GetUtcNow(), cancellationToken)
            : null;
    }

    /// <returns>Null when the deal is unknown, deleted, or its account cannot be placed in the directory.</returns>
    public async Task<QualificationReport?> ForDealAsync(string tenantId, string connectorId, string dealId, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var directory = await directories.GetAsync(tenantId, cancellationToken);
        if (await crm.GetAsync(tenantId, CrmEntityKind.Deal, connectorId, dealId, cancellationToken) is not ({ IsDeleted: false } deal, _)
            || await AccountOfAsync(directory, deal, cancellationToken) is not { } account)
        {
            return null;
        }

        return await EvaluateAsync(directory, account, deal, deal[CrmFields.Pipeline], asOf ?? time.GetUtcNow(), cancellationToken);
    }

    private async Task<QualificationReport> EvaluateAsync(
        TenantDirectory directory, Account account, CrmRecord? deal, string? pipeline, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var config = await GetConfigAsync(directory.TenantId, cancellationToken);
        var input = new QualificationInput(
            account,
            [.. directory.Contacts.Where(c => c.AccountId == account.Id)],
            await ActivitiesOfAsync(directory, account.Id, asOf.AddDays(-config.LookbackDays), asOf, cancellationToken),
            deal,
            asOf,
            SubjectsArePlainText: directory.Privacy.Subject == SubjectCapture.On);
        var frameworks = config.FrameworksFor(pipeline)
            .Select(f => new FrameworkQualification(QualificationEngine.Evaluate(f, input), QualificationEngine.History(f, input, config.Threshold)))
            .ToList();
        return new QualificationReport(
            account.Id, deal is null ? null : $"{deal.ConnectorId}/{deal.ExternalId}", pipeline, asOf, config.Threshold, input.Activities.Count, frameworks,
            WorkedBy(directory, input.Activities, deal));
    }

    private HashSet<string> WorkedBy(TenantDirectory directory, IEnumerable<Activity> accountActivities, CrmRecord? deal)
    {
        var reps = accountActivities
            .SelectMany(a => a.Participants.Where(p => p.IsInternal))
            .Select(p => directory.RepByEmail(p.Email)?.Id)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        if (deal is not null && CrmCredits.OwnerRep(directory, crmOptions.CurrentValue, deal.ConnectorId, deal[CrmFields.OwnerId]) is { } owner)
        {
            reps.Add(owner.Id);
        }

        return reps;
    }

    /// <summary>
    /// Activities are stored by day, not by account, so the window's days are read (eight at a time) and filtered. Fine
    /// for an admin or dashboard request over a 90-day window; an account index would be the next step for bulk use.
    /// </summary>
    private async Task<List<Activity>> ActivitiesOfAsync(TenantDirectory directory, string accountId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var (first, last) = (directory.LocalDay(from), directory.LocalDay(to));
        var days = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();
        var found = new System.Collections.Concurrent.ConcurrentBag<Activity>();
        await Parallel.ForEachAsync(days, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (day, token) =>
        {
            await foreach (var activity in activities.ListByDayAsync(directory.TenantId, day, token))
            {
                if (activity.OccurredAt >= from && activity.OccurredAt <= to && activity.Participants.Any(p => p.AccountId == accountId))
                {
                    found.Add(activity);
                }
            }
        });
        return [.. found.OrderBy(a => a.OccurredAt).ThenBy(a => a.ActivityId, StringComparer.Ordinal)];
    }

    /// <summary>The deal's account: a directory account with the same id, else the CRM account's domain placed by the directory.</summary>
    private async Task<Account?> AccountOfAsync(TenantDirectory directory, CrmRecord deal, CancellationToken cancellationToken)
    {
        if (deal[CrmFields.AccountId] is not { } crmAccountId)
        {
            return null;
        }

        if (directory.AccountById(crmAccountId) is { } same)
        {
            return same;
        }

        var crmAccount = await crm.GetAsync(directory.TenantId, CrmEntityKind.Account, deal.ConnectorId, crmAccountId, cancellationToken);
        return crmAccount?.Record[CrmFields.Domains] is { } domain ? directory.AccountByDomain($"crm@{domain}")?.Account : null;
    }
}
