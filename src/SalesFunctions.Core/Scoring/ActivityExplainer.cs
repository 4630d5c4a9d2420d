using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Territories;

namespace SalesFunctions.Core.Scoring;

/// <summary>
/// "Why does this activity count where it counts?" for one stored activity: per participant, what was stored (account
/// and rung) next to what the directory would say now, with the rule in words; the territory stamp next to what the
/// model in force at the activity's time assigns now; and each account's territory rules. A difference between stored
/// and now means a rematch or re-territory would change it (docs/matching.md, docs/territories.md). Participants are
/// shown by domain, never by address.
/// </summary>
public sealed class ActivityExplainer(TenantDirectoryCache directories, TerritoryModels models, IActivityStore activities)
{
    public async Task<ActivityExplanation?> ExplainAsync(string tenantId, string activityId, CancellationToken cancellationToken)
    {
        if (await activities.FindDayAsync(tenantId, activityId, cancellationToken) is not { } day)
        {
            return null;
        }

        var stored = await activities.ListByDayAsync(tenantId, day, cancellationToken).FirstOrDefaultAsync(a => a.ActivityId == activityId, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var directory = await directories.GetAsync(tenantId, cancellationToken);
        var history = await models.GetHistoryAsync(tenantId, cancellationToken);
        var model = history.At(stored.OccurredAt);
        var now = TerritoryStamping.Stamp(directory, history, stored);
        var participants = stored.Participants.Select(p => Participant(directory, p)).ToList();
        var accounts = stored.Externals.Select(p => p.AccountId).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => Account(directory, model, id)).ToList();
        return new ActivityExplanation(stored.ActivityId, stored.Kind, stored.OccurredAt, day, participants, stored.Territories, now.Territories,
            stored.RepsOutsideTerritory, model?.EffectiveFrom, accounts);
    }

    private static ParticipantExplanation Participant(TenantDirectory directory, Participant participant)
    {
        if (participant.IsInternal)
        {
            var rep = directory.RepByEmail(participant.Email)?.Id;
            return new ParticipantExplanation(participant.Role, participant.Domain, true, rep, null, null, null, null, null,
                rep is null ? "internal address, not a rep: a colleague, never a customer" : "internal address of a rep: never a customer");
        }

        var current = participant.Phone is { } phone
            ? directory.ContactByPhone(phone) is { } contact ? new AccountMatch(contact.AccountId, AccountMatchMethod.Phone) : null
            : AccountMatcher.MatchWithMethod(directory, participant.Email);
        var reason = current?.Method switch
        {
            AccountMatchMethod.Contact => $"the address is a contact of {current.AccountId}",
            AccountMatchMethod.Domain => $"{participant.Domain} is a domain of {current.AccountId}",
            AccountMatchMethod.ParentDomain => $"a parent domain of {participant.Domain} belongs to {current.AccountId}",
            AccountMatchMethod.Phone => $"the caller's number is a contact's number at {current.AccountId}",
            _ when participant.Phone is not null => "no contact has the caller's number: unmatched",
            _ when AccountMatcher.IsFreeMail(participant.Email) => $"{participant.Domain} is free mail: only a contact's exact address matches, and none does",
            _ => $"no contact, and no account owns {participant.Domain} or a parent domain: unmatched",
        };
        return new ParticipantExplanation(participant.Role, participant.Domain, false, null, participant.AccountId, participant.MatchedBy,
            current?.AccountId, current?.Method, current?.Confidence, reason);
    }

    private static AccountTerritoryExplanation Account(TenantDirectory directory, CompiledTerritoryModel? model, string accountId)
    {
        if (directory.AccountById(accountId) is not { } account || model is null)
        {
            return new AccountTerritoryExplanation(accountId, null, [], [],
                model is null ? "no territory model was in force when the activity happened" : "the account is no longer in the directory");
        }

        var explanation = model.Explain(account);
        var matched = explanation.Rules.Where(r => r.Matched).Select(r => r.Describe()).ToList();
        return new AccountTerritoryExplanation(accountId, explanation.Assignment.PrimaryId, explanation.Assignment.OverlayIds, matched, explanation.TieBreak);
    }
}
