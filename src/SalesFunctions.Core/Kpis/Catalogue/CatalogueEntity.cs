namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// One rep, team, territory, account or the tenant, with what counts for it in day order: the activity and fact
/// indices with their days side by side, so a period's slice is two binary searches away.
/// </summary>
internal sealed class CatalogueEntity(KpiDimension dimension, string key, int team)
{
    public KpiDimension Dimension { get; } = dimension;

    public string Key { get; } = key;

    /// <summary>For a team: its index, so that only its own reps count towards its workload; otherwise −1.</summary>
    public int Team { get; } = team;

    public List<int> Activities { get; } = [];

    public List<int> ActivityDays { get; } = [];

    public List<int> Events { get; } = [];

    public List<int> EventDays { get; } = [];

    /// <summary>For each account, the day of the first activity that counted for this entity; ascending.</summary>
    public List<int> FirstEngagedDays { get; } = [];
}
