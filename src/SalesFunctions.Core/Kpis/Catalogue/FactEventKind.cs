namespace SalesFunctions.Core.Kpis.Catalogue;

internal enum FactEventKind
{
    DealCreated,
    DealWon,
    DealLost,

    /// <summary>An open deal's expected close day: feeds pipeline coverage but is no fact, so it makes no cell.</summary>
    DealOpenDue,
    CaseOpened,
    CaseResolved,
}
