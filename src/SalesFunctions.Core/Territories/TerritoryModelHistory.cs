namespace SalesFunctions.Core.Territories;

/// <summary>
/// The effective-dated versions of a tenant's territory model. An activity is stamped with the version in force at
/// the moment it happened, so adding a later version never changes what earlier activities were stamped with.
/// </summary>
public sealed class TerritoryModelHistory
{
    private readonly CompiledTerritoryModel[] _versions;
    private readonly DateTimeOffset[] _starts;

    /// <summary>Throws <see cref="ArgumentException"/> when two versions start at the same instant: which applies would be ambiguous.</summary>
    public TerritoryModelHistory(IEnumerable<CompiledTerritoryModel> versions)
    {
        _versions = versions.OrderBy(version => version.EffectiveFrom).ToArray();
        _starts = _versions.Select(version => version.EffectiveFrom).ToArray();
        for (var i = 1; i < _starts.Length; i++)
        {
            if (_starts[i] == _starts[i - 1])
            {
                throw new ArgumentException($"Two territory model versions take effect at {_starts[i]:O}.", nameof(versions));
            }
        }
    }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<CompiledTerritoryModel> Versions => _versions;

    /// <summary>The version with the latest EffectiveFrom at or before <paramref name="instant"/>; null before the first version.</summary>
    public CompiledTerritoryModel? At(DateTimeOffset instant)
    {
        var found = Array.BinarySearch(_starts, instant);
        var index = found >= 0 ? found : ~found - 1;
        return index >= 0 ? _versions[index] : null;
    }

    /// <summary>A new history with <paramref name="version"/> added; this one is left as it is.</summary>
    public TerritoryModelHistory With(CompiledTerritoryModel version) => new(_versions.Append(version));
}
