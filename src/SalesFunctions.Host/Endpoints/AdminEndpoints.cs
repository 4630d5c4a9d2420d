using System.Net.Mail;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Core.Sync;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Storage;

namespace SalesFunctions.Host.Endpoints;

public static class AdminEndpoints
{
    public static async Task<IResult> ImportDirectoryAsync(
        string tenantId, DirectoryDocument document, TenantDirectoryService directories, CancellationToken cancellationToken)
    {
        var errors = await directories.ImportAsync(document.ToDirectory(tenantId), cancellationToken);
        return errors.Count == 0
            ? Results.NoContent()
            : Results.ValidationProblem(new Dictionary<string, string[]> { ["directory"] = [.. errors] }, title: "Invalid directory; the stored one is unchanged");
    }

    public static async Task<IResult> AddMailboxAsync(
        string tenantId, MailboxRegistration registration, MailboxOnboarding onboarding, CancellationToken cancellationToken)
    {
        if (!KeyText.IsSafeId(tenantId) || !MailAddress.TryCreate(registration.Mailbox, out var address))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["mailbox"] = ["A valid tenant id and mailbox address are required."] });
        }

        var created = await onboarding.AddMailboxAsync(tenantId, address.Address.ToLowerInvariant(), cancellationToken);
        return Results.Created((string?)null, new { subscriptions = created.Select(s => new { id = s.SubscriptionId, resource = s.Resource, expiresAt = s.ExpiresAt }) });
    }

    public static async Task<IResult> RemoveMailboxAsync(string tenantId, string mailbox, MailboxRemoval removal, CancellationToken cancellationToken)
    {
        if (!KeyText.IsSafeId(tenantId) || !MailAddress.TryCreate(mailbox, out var address))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["mailbox"] = ["A valid tenant id and mailbox address are required."] });
        }

        var removed = await removal.RemoveMailboxAsync(tenantId, address.Address.ToLowerInvariant(), cancellationToken);
        return removed == 0
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Mailbox not tracked", detail: "No subscription of this tenant is for that mailbox.")
            : Results.NoContent();
    }

    /// <summary>Every mailbox folder's sync state: status, cursor kind, last success, last failure kind. No content, only ids.</summary>
    public static async Task<IResult> GetSyncStatesAsync(string tenantId, ISyncStateStore states, CancellationToken cancellationToken)
    {
        if (!KeyText.IsSafeId(tenantId))
        {
            return TenantProblems.InvalidTenant();
        }

        var list = await states.ListAsync(tenantId, cancellationToken);
        return Results.Ok(list.OrderBy(s => s.Mailbox, StringComparer.Ordinal).ThenBy(s => s.Folder, StringComparer.Ordinal).Select(s => new
        {
            mailbox = s.Mailbox,
            folder = s.Folder,
            status = s.Status.ToString(),
            lastSuccessAt = s.LastSuccessAt,
            lastError = s.LastError?.ToString(),
            lastErrorAt = s.LastErrorAt,
            itemsSeen = s.ItemsSeen,
        }));
    }

    public static async Task<IResult> GetStatusAsync(
        StorageQueues queues, IDirtyDayStore dirtyDays, IRollupStatusStore rollups, CancellationToken cancellationToken)
    {
        var depths = await queues.GetApproximateDepthsAsync(cancellationToken);
        var dirty = await dirtyDays.ListAsync(cancellationToken);
        var lastRollup = await rollups.GetLastAsync(cancellationToken);
        return Results.Ok(new { queues = depths, dirtyCells = dirty.Count, lastRollup });
    }
}
