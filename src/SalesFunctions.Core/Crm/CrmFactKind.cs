namespace SalesFunctions.Core.Crm;

public enum CrmFactKind
{
    DealCreated,
    DealWon,
    DealLost,
    CaseOpened,
    CaseResolved,
}
