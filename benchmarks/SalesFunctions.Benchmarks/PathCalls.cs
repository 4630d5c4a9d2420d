using System.Globalization;
using SalesFunctions.Storage;

namespace SalesFunctions.Benchmarks;

/// <summary>The storage calls a measured path made (from <see cref="StorageCallCounter"/>) over the items it handled.</summary>
/// <param name="Per">What one item is ("email", "rollup cell", "notification item").</param>
/// <param name="BatchEntities">Entities sent in the path's entity group transactions, per kind of batch call.</param>
internal sealed record PathCalls(IReadOnlyDictionary<StorageCall, long> Calls, double Items, string Per, IReadOnlyDictionary<StorageCall, long>? BatchEntities = null)
{
    public long Total => Calls.Values.Sum();

    public double PerItem => Total / Items;

    /// <summary>Calls per item of each kind, the largest first: where the calls go.</summary>
    public IEnumerable<string> Lines() => Calls.OrderByDescending(c => c.Value).Select(c =>
        string.Create(CultureInfo.InvariantCulture, $"    {c.Key}: {c.Value / Items:F3} per {Per} ({c.Value:N0})"));
}
