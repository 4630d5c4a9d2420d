using System.Globalization;
using SalesFunctions.Core.Crm;

namespace SalesFunctions.Core.Qualification;

/// <summary>
/// crmField and dealStage: a deal field judged by its value. The record holds only each field's latest value, so a
/// field whose latest version is after the instant counts as unknown then: its earlier value is not kept.
/// </summary>
internal sealed class DealFieldState(EvidenceRuleType kind, CrmRecord? deal, string field, Func<string, CriterionStatus> judge, Func<string, string> describe) : RuleState
{
    public static DealFieldState ForField(EvidenceRule rule, CrmRecord? deal) => new(
        rule.Type,
        deal,
        rule.Field!,
        value => rule.Min is not { } min ? CriterionStatus.Met
            : decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && number >= min ? CriterionStatus.Met
            : CriterionStatus.Partial,
        value => rule.Min is { } min ? $"{rule.Field}={value}, minimum {min.ToString(CultureInfo.InvariantCulture)}" : $"{rule.Field}={value}");

    public static DealFieldState ForStage(EvidenceRule rule, CrmRecord? deal) => new(
        rule.Type,
        deal,
        CrmFields.Stage,
        value => rule.Stages.Contains(value, StringComparer.OrdinalIgnoreCase) ? CriterionStatus.Met : CriterionStatus.Unknown,
        value => $"{CrmFields.Stage}={value}");

    public override CriterionStatus StatusAt(DateTimeOffset asOf) => ValueAt(asOf) is { } held ? judge(held.Value!) : CriterionStatus.Unknown;

    public override IReadOnlyList<Evidence> EvidenceAt(DateTimeOffset asOf) => ValueAt(asOf) is { } held
        ? [new Evidence(kind, $"deal {deal!.ConnectorId}/{deal.ExternalId} field {field}", held.Version,
            $"{describe(held.Value!)} (set {held.Version.ToString("O", CultureInfo.InvariantCulture)})")]
        : [];

    public override IEnumerable<DateTimeOffset> ChangeInstants(IReadOnlyList<Activities.Activity> activities) =>
        deal is null ? [] : new[] { field, CrmFields.Deleted }.Where(deal.Fields.ContainsKey).Select(name => deal.Fields[name].Version);

    private CrmFieldValue? ValueAt(DateTimeOffset asOf)
    {
        if (deal is null
            || (deal.Fields.TryGetValue(CrmFields.Deleted, out var deleted) && deleted.Value == "true" && deleted.Version <= asOf)
            || !deal.Fields.TryGetValue(field, out var held)
            || held.Version > asOf
            || string.IsNullOrWhiteSpace(held.Value))
        {
            return null;
        }

        return held;
    }
}
