using System.Runtime.CompilerServices;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using SalesFunctions.Core.Capture;
using CallRecordModels = Microsoft.Graph.Models.CallRecords;

namespace SalesFunctions.Graph;

/// <summary>
/// Teams call records and the PSTN log through the Graph SDK. Only identities, times, type and modalities are read:
/// sessions and segments (devices, networks, quality) are not expanded, display names are dropped.
/// </summary>
public sealed class GraphCallRecordReader(GraphServiceClients clients) : ICallRecordReader
{
    internal static readonly string[] CallRecordFields = ["id", "type", "modalities", "startDateTime", "endDateTime", "joinWebUrl", "organizer_v2"];

    public async Task<CallRecordMetadata?> GetCallRecordAsync(string tenantId, string callRecordId, CancellationToken cancellationToken)
    {
        var client = clients.ForTenant(tenantId);
        try
        {
            var record = await client.Communications.CallRecords[callRecordId].GetAsync(request =>
            {
                request.QueryParameters.Select = CallRecordFields;
                request.QueryParameters.Expand = ["participants_v2"];
            }, cancellationToken);
            if (record is null)
            {
                return null;
            }

            var participants = (record.ParticipantsV2 ?? []).Select(p => Identity(p.Identity)).OfType<CallIdentity>().ToList();

            // The expansion holds at most 130 participants; a larger group call continues on the participants' next link.
            var next = record.AdditionalData.TryGetValue("participants_v2@odata.nextLink", out var link) ? link as string : null;
            while (next is not null)
            {
                var page = await client.Communications.CallRecords[callRecordId].Participants_v2.WithUrl(next).GetAsync(cancellationToken: cancellationToken);
                participants.AddRange((page?.Value ?? []).Select(p => Identity(p.Identity)).OfType<CallIdentity>());
                next = page?.OdataNextLink;
            }

            return new CallRecordMetadata(
                record.Id ?? callRecordId,
                record.Type?.ToString() is { } type ? char.ToLowerInvariant(type[0]) + type[1..] : null,
                [.. (record.Modalities ?? []).OfType<CallRecordModels.Modality>().Select(m => m.ToString().ToLowerInvariant())],
                record.StartDateTime,
                record.EndDateTime,
                record.JoinWebUrl,
                Identity(record.OrganizerV2?.Identity),
                participants);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            return null;
        }
        catch (Exception e) when (GraphThrottling.IsThrottling(e))
        {
            throw GraphThrottling.Throttled(e);
        }
    }

    public async IAsyncEnumerable<PstnCallRow> GetPstnCallsAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var calls = clients.ForTenant(tenantId).Communications.CallRecords;
        var page = await calls.MicrosoftGraphCallRecordsGetPstnCallsWithFromDateTimeWithToDateTime(from.ToUniversalTime(), to.ToUniversalTime())
            .GetAsGetPstnCallsWithFromDateTimeWithToDateTimeGetResponseAsync(cancellationToken: cancellationToken);
        while (page is not null)
        {
            foreach (var row in page.Value ?? [])
            {
                if (!string.IsNullOrEmpty(row.CallId))
                {
                    yield return new PstnCallRow(row.CallId, row.UserId, row.UserPrincipalName, row.CallType, row.StartDateTime, row.EndDateTime,
                        row.CallerNumber, row.CalleeNumber, row.Duration);
                }
            }

            page = page.OdataNextLink is { } next
                ? await calls.MicrosoftGraphCallRecordsGetPstnCallsWithFromDateTimeWithToDateTime(from.ToUniversalTime(), to.ToUniversalTime()).WithUrl(next)
                    .GetAsGetPstnCallsWithFromDateTimeWithToDateTimeGetResponseAsync(cancellationToken: cancellationToken)
                : null;
        }
    }

    /// <summary>
    /// The identity set's member that is set, as metadata. Graph's examples send <c>user</c> without an @odata.type, so
    /// the SDK gives a plain identity and the UPN and tenant sit in its additional data.
    /// </summary>
    internal static CallIdentity? Identity(IdentitySet? identity)
    {
        if (identity is CommunicationsIdentitySet communications)
        {
            if (communications.Phone is { } phone)
            {
                return new CallIdentity(CallIdentityKind.Phone, phone.Id);
            }

            if (communications.Guest is { } guest)
            {
                return new CallIdentity(CallIdentityKind.Guest, guest.Id);
            }
        }

        if (identity?.User is { } user)
        {
            var upn = user is CommunicationsUserIdentity ? Additional(user, "userPrincipalName")
                : user is CallRecordModels.UserIdentity callUser ? callUser.UserPrincipalName ?? Additional(user, "userPrincipalName")
                : Additional(user, "userPrincipalName");
            var tenant = user is CommunicationsUserIdentity communicationsUser ? communicationsUser.TenantId : Additional(user, "tenantId");
            return new CallIdentity(CallIdentityKind.User, user.Id, upn, tenant);
        }

        return identity is null ? null : new CallIdentity(CallIdentityKind.Other, null);
    }

    /// <summary>
    /// Kiota keeps properties the model does not declare in additional data, typed by their look: a tenant id arrives
    /// as a <see cref="Guid"/>, not a string.
    /// </summary>
    private static string? Additional(Identity identity, string name) =>
        identity.AdditionalData.TryGetValue(name, out var value)
            ? value switch { string text => text, Guid id => id.ToString(), _ => null }
            : null;
}
