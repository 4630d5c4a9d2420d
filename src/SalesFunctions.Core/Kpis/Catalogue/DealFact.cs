namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>What the catalogue needs of one live deal, with its history-dependent spans worked out once.</summary>
internal struct DealFact
{
    /// <summary>In the reporting currency; null without an amount or without a rate for its currency.</summary>
    public decimal? Amount;
    public bool WonNow;
    public bool Marketing;
    public bool Renewal;

    /// <summary>Won deals: close day − creation day; −1 when unknown or negative.</summary>
    public int CycleDays;

    /// <summary>Won deals: close day − first credited activity day on the account in the history window up to the close day; −1 when none.</summary>
    public int FirstActivityDays;

    /// <summary>Closed deals with an account: credited activities on it in the 90 days ending on the close day; −1 otherwise.</summary>
    public int Touches;
}
