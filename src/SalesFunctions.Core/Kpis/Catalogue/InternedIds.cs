using System.Runtime.InteropServices;

namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// Ids (accounts, contacts, teams, territories) as small integers in order of first sight, so that the catalogue's
/// distinct counts index arrays instead of hashing strings.
/// </summary>
internal sealed class InternedIds(bool keepKeys)
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<string>? _keys = keepKeys ? [] : null;

    public int Count => _numbers.Count;

    /// <summary>The id a number stands for; only when the keys are kept.</summary>
    public string this[int number] => _keys![number];

    /// <summary>The number of an id seen before.</summary>
    public int NumberOf(string id) => _numbers[id];

    /// <summary>The id's number, a new one the first time.</summary>
    public int Intern(string id)
    {
        ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(_numbers, id, out var exists);
        if (!exists)
        {
            number = _numbers.Count - 1;
            _keys?.Add(id);
        }

        return number;
    }
}
