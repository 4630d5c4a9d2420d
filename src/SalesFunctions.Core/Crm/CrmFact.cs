namespace SalesFunctions.Core.Crm;

/// <summary>
/// One dated outcome a CRM record contributes to the performance KPIs: a deal created, won or lost, a case opened or
/// resolved. Derived from the record's current state only, so that a rollup recomputes it from scratch.
/// </summary>
/// <param name="RecordKey">Connector and external id: one deal is one deal however many reps it is credited to.</param>
public sealed record CrmFact(
    CrmFactKind Kind,
    DateTimeOffset At,
    string RecordKey,
    string ConnectorId,
    string? OwnerId,
    decimal? Amount,
    string? Currency)
{
    public static IReadOnlyList<CrmFact> Of(CrmRecord record)
    {
        if (record.IsDeleted)
        {
            return [];
        }

        var key = $"{record.ConnectorId}|{record.ExternalId}";
        var owner = record[CrmFields.OwnerId];
        var facts = new List<CrmFact>(2);
        void Add(CrmFactKind kind, DateTimeOffset? at, decimal? amount = null, string? currency = null)
        {
            if (at is { } when)
            {
                facts.Add(new CrmFact(kind, when, key, record.ConnectorId, owner, amount, currency));
            }
        }

        switch (record.Kind)
        {
            case CrmEntityKind.Deal:
                Add(CrmFactKind.DealCreated, CrmValues.ReadInstant(record[CrmFields.CreatedAt]));
                var status = record[CrmFields.Status];
                if (status is CrmFields.Won or CrmFields.Lost)
                {
                    // When the CRM does not say when it closed, the status change's own time does.
                    var closedAt = CrmValues.ReadInstant(record[CrmFields.ClosedAt]) ?? record.Fields[CrmFields.Status].Version;
                    Add(status == CrmFields.Won ? CrmFactKind.DealWon : CrmFactKind.DealLost, closedAt,
                        CrmValues.ReadNumber(record[CrmFields.Amount]), record[CrmFields.Currency]);
                }

                break;
            case CrmEntityKind.Case:
                Add(CrmFactKind.CaseOpened, CrmValues.ReadInstant(record[CrmFields.OpenedAt]));
                Add(CrmFactKind.CaseResolved, CrmValues.ReadInstant(record[CrmFields.ResolvedAt]));
                break;
        }

        return facts;
    }
}
