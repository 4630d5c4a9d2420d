namespace SalesFunctions.Core.Qualification;

/// <summary>
/// One fact behind a criterion's status. <see cref="Reference"/> is an activity id or "deal connector/id field name";
/// <see cref="Detail"/> never holds an address: only counts, titles, roles and the deal's own field values.
/// </summary>
public sealed record Evidence(EvidenceRuleType Kind, string Reference, DateTimeOffset At, string Detail);
