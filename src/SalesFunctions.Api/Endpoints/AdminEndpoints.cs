using System.Net.Mail;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Queues;
using CallCapture = SalesFunctions.Core.Capture.CallCapture;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Core.Sync;
using SalesFunctions.Core.Tenants;

using SalesFunctions.Api.SignIn;

namespace SalesFunctions.Api.Endpoints;

public static class AdminEndpoints
{
    public static async Task<IResult> ImportDirectoryAsync(
        string tenantId, DirectoryDocument document, TenantDirectoryService directories, CancellationToken cancellationToken)
    {
        if (!KeyText.IsSafeId(tenantId))
        {
            return TenantProblems.InvalidTenant();
        }

        if (document.InvalidValues() is { Count: > 0 } invalid)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["directory"] = [.. invalid] }, title: "Invalid directory; the stored one is unchanged");
        }

        var errors = await directories.ImportAsync(document.ToDirectory(tenantId), cancellationToken);
        return errors.Count == 0
            ? Results.NoContent()
            : Results.ValidationProblem(new Dictionary<string, string[]> { ["directory"] = [.. errors] }, title: "Invalid directory; the stored one is unchanged");
    }

    /// <summary>PUT admin/tenants/{tenantId}/directory: the JSON body is read here so that an unknown field is refused with its line.</summary>
    public static async Task<IResult> ImportDirectoryJsonAsync(
        string tenantId, HttpRequest request, TenantDirectoryService directories, CancellationToken cancellationToken)
    {
        var (document, line, error) = await DirectoryDocument.ReadAsync(request.Body, cancellationToken);
        return document is null
            ? TenantProblems.InvalidFile("Invalid directory; the stored one is unchanged", [(line, error!)], $"line {line}: {error}")
            : await ImportDirectoryAsync(tenantId, document, directories, cancellationToken);
    }

    /// <summary>A CRM or spreadsheet export of 100,000 accounts is about 10 MiB.</summary>
    public const int MaxCsvBytes = 32 * 1024 * 1024;

    /// <summary>
    /// PUT admin/tenants/{tenantId}/directory/accounts|contacts|reps with a CSV body (DirectoryCsv): replaces that list of the
    /// stored directory and keeps everything else; the whole directory is then validated and imported as by the JSON route.
    /// </summary>
    public static async Task<IResult> ImportDirectoryCsvAsync(
        string tenantId, string list, HttpRequest request, ITenantDirectoryStore store, TenantDirectoryService directories, CancellationToken cancellationToken)
    {
        if (!KeyText.IsSafeId(tenantId))
        {
            return TenantProblems.InvalidTenant();
        }

        if (list is not ("accounts" or "contacts" or "reps"))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown directory list", detail: "CSV imports are for 'accounts', 'contacts' or 'reps'.");
        }

        if (await store.GetAsync(tenantId, cancellationToken) is not { } current)
        {
            return TenantProblems.NotConfigured();
        }

        var body = await RequestBodies.ReadAsync(request, MaxCsvBytes, cancellationToken);
        if (body is null)
        {
            return RequestBodies.TooLarge(MaxCsvBytes);
        }

        var text = System.Text.Encoding.UTF8.GetString(body);
        IReadOnlyList<(int Line, string Message)> errors;
        TenantDirectory directory;
        int count;
        if (list == "accounts")
        {
            var parsed = DirectoryCsv.ParseAccounts(text);
            (errors, directory, count) = (parsed.Errors, current with { Accounts = parsed.Items }, parsed.Items.Count);
        }
        else if (list == "contacts")
        {
            var parsed = DirectoryCsv.ParseContacts(text);
            (errors, directory, count) = (parsed.Errors, current with { Contacts = parsed.Items }, parsed.Items.Count);
        }
        else
        {
            var parsed = DirectoryCsv.ParseReps(text);
            (errors, directory, count) = (parsed.Errors, current with { Reps = parsed.Items }, parsed.Items.Count);
        }

        if (errors.Count > 0)
        {
            return TenantProblems.InvalidFile($"Invalid {list} CSV; the stored directory is unchanged", errors, $"line {errors[0].Line}: {errors[0].Message}");
        }

        var invalid = await directories.ImportAsync(directory, cancellationToken);
        return invalid.Count == 0
            ? Results.Ok(new { list, imported = count })
            : Results.ValidationProblem(new Dictionary<string, string[]> { ["directory"] = [.. invalid] }, title: "Invalid directory; the stored one is unchanged");
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

    public static async Task<IResult> StartCallCaptureAsync(string tenantId, CallCapture calls, CancellationToken cancellationToken)
    {
        if (!KeyText.IsSafeId(tenantId))
        {
            return TenantProblems.InvalidTenant();
        }

        SubscriptionRecord subscription;
        try
        {
            subscription = await calls.StartAsync(tenantId, cancellationToken);
        }
        catch (TenantNotConfiguredException)
        {
            return TenantProblems.NotConfigured();
        }

        return Results.Created((string?)null, new { subscription = new { id = subscription.SubscriptionId, resource = subscription.Resource, expiresAt = subscription.ExpiresAt } });
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

    /// <summary>
    /// The pipeline as the caller's tenant sees it: the shared queues' depths (counts only), its own dirty days, and the
    /// last rollup run.
    /// </summary>
    public static async Task<IResult> GetStatusAsync(
        HttpContext context, IQueueDepths queues, IDirtyDayStore dirtyDays, IRollupStatusStore rollups, ICrmStore crm, CancellationToken cancellationToken)
    {
        var tenant = context.GetCallerScope().Caller.TenantId;
        var depths = await queues.GetApproximateDepthsAsync(cancellationToken);
        var dirty = await dirtyDays.ListAsync(cancellationToken);
        var lastRollup = await rollups.GetLastAsync(cancellationToken);
        var rollupFailures = (await rollups.ListFailuresAsync(cancellationToken)).Where(f => f.TenantId == tenant);
        var connectorWarnings = (await crm.ListWarningsAsync(cancellationToken)).Where(w => w.TenantId == tenant);
        return Results.Ok(new { tenant, queues = depths, dirtyDays = dirty.Count(d => d.TenantId == tenant), lastRollup, rollupFailures, connectorWarnings });
    }
}
