using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// A cell's values keyed by catalogue name. A year of days for thousands of accounts is millions of cells, and most of
/// their values are zero or null: only the other values are stored, behind two bit masks, instead of a dictionary of
/// every name per cell.
/// </summary>
internal sealed class KpiValues : IReadOnlyDictionary<string, decimal?>
{
    /// <summary>Values of many cells share one chunk: one object less per cell for the collector to move and trace.</summary>
    private const int ChunkSize = 4096;

    private readonly ulong _defined;
    private readonly ulong _nonZero;
    private readonly decimal[] _chunk;
    private readonly int _offset;

    private KpiValues(ulong defined, ulong nonZero, decimal[] chunk, int offset) => (_defined, _nonZero, _chunk, _offset) = (defined, nonZero, chunk, offset);

    public int Count => KpiCatalogue.Definitions.Count;

    public IEnumerable<string> Keys => KpiCatalogue.Definitions.Select(d => d.Name);

    public IEnumerable<decimal?> Values => Enumerable.Range(0, Count).Select(Get);

    public decimal? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"'{key}' is no KPI of the catalogue.");

    /// <summary>
    /// Packs <paramref name="values"/> (one per <see cref="KpiId"/>) into <paramref name="chunk"/> from
    /// <paramref name="used"/> on, starting a new chunk when it is full; the buffer may be reused afterwards.
    /// </summary>
    public static KpiValues From(ReadOnlySpan<decimal?> values, ref decimal[] chunk, ref int used)
    {
        ulong defined = 0, nonZero = 0;
        var count = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } value)
            {
                defined |= 1UL << i;
                if (value != 0m)
                {
                    nonZero |= 1UL << i;
                    count++;
                }
            }
        }

        if (chunk.Length - used < count)
        {
            (chunk, used) = (new decimal[Math.Max(ChunkSize, count)], 0);
        }

        var offset = used;
        for (var i = 0; i < values.Length; i++)
        {
            if ((nonZero & (1UL << i)) != 0)
            {
                chunk[used++] = values[i]!.Value;
            }
        }

        return new KpiValues(defined, nonZero, chunk, offset);
    }

    public bool ContainsKey(string key) => KpiCatalogue.IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out decimal? value)
    {
        var index = KpiCatalogue.IndexOf(key);
        value = index < 0 ? null : Get(index);
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, decimal?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return new(KpiCatalogue.Definitions[i].Name, Get(i));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private decimal? Get(int index)
    {
        var bit = 1UL << index;
        return (_defined & bit) == 0 ? null
            : (_nonZero & bit) == 0 ? 0m
            : _chunk[_offset + BitOperations.PopCount(_nonZero & (bit - 1))];
    }
}
