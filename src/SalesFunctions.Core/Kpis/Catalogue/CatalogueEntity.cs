namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// One rep, team, territory, account or the tenant, with what counts for it in day order: the activity and fact
/// indices with their days side by side, so a period's slice is two binary searches away.
/// </summary>
/// <param name="index">For a rep or a team: its index in the directory's reps or the index's teams; otherwise −1.</param>
internal sealed class CatalogueEntity(KpiDimension dimension, string key, int index)
{
    public KpiDimension Dimension { get; } = dimension;

    public string Key { get; } = key;

    /// <summary>For a rep: its index, so that outsideTerritory counts its own credits only; otherwise −1.</summary>
    public int Rep { get; } = dimension == KpiDimension.Rep ? index : -1;

    /// <summary>For a team: its index, so that only its own reps count towards its workload; otherwise −1.</summary>
    public int Team { get; } = dimension == KpiDimension.Team ? index : -1;

    public List<int> Activities { get; } = [];

    public List<int> ActivityDays { get; } = [];

    public List<int> Events { get; } = [];

    public List<int> EventDays { get; } = [];

    /// <summary>
    /// The days, ascending, on which this entity engaged an account it had not engaged in the
    /// <see cref="KpiCatalogue.HistoryWindowDays"/> days before: the only engagements that can make an account new in a
    /// period. An account engaged in the period is new there exactly when one of these falls in the period and its
    /// <see cref="PreviousEngagedDays"/> entry lies before the history window of the period's start.
    /// </summary>
    public List<int> ReengagedDays { get; } = [];

    /// <summary>Side by side with <see cref="ReengagedDays"/>: the account's previous engagement day, or <see cref="int.MinValue"/>.</summary>
    public List<int> PreviousEngagedDays { get; } = [];
}
