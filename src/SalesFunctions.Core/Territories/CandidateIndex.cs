using System.Collections.Frozen;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Territories;

/// <summary>
/// The rules of one kind in tie-break order, indexed so an account only meets the rules that could match it: rules
/// naming accounts are filed under those account ids, otherwise rules listing countries under each country, the rest
/// under "any country". Each rule sits in exactly one list, every list is in rank order, and the three lists that
/// apply to an account are merged by rank, so candidates arrive in tie-break order without sorting.
/// </summary>
internal sealed class CandidateIndex
{
    private readonly CompiledRule[] _ranked;
    private readonly FrozenDictionary<string, int[]> _byAccount;
    private readonly FrozenDictionary<string, int[]> _byCountry;
    private readonly int[] _anyCountry;

    public CandidateIndex(IEnumerable<CompiledRule> rules)
    {
        _ranked = rules.Order(TieBreak.Instance).ToArray();
        var byAccount = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byCountry = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var anyCountry = new List<int>();
        for (var rank = 0; rank < _ranked.Length; rank++)
        {
            var rule = _ranked[rank];
            if (rule.Accounts is { } accounts)
            {
                foreach (var account in accounts.Distinct(StringComparer.Ordinal))
                {
                    Add(byAccount, account, rank);
                }
            }
            else if (rule.Countries is { } countries)
            {
                foreach (var country in countries.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    Add(byCountry, country, rank);
                }
            }
            else
            {
                anyCountry.Add(rank);
            }
        }

        _byAccount = byAccount.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
        _byCountry = byCountry.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        _anyCountry = [.. anyCountry];
    }

    /// <summary>Every rule in tie-break order, for Explain.</summary>
    public IReadOnlyList<CompiledRule> Ranked => _ranked;

    public CompiledRule? FirstMatch(Account account)
    {
        var candidates = Candidates(account);
        while (candidates.Next(out var rank))
        {
            if (_ranked[rank].Matches(account))
            {
                return _ranked[rank];
            }
        }

        return null;
    }

    /// <summary>The distinct territories with a matching rule, in the rank order of their best matching rule.</summary>
    public IReadOnlyList<string> MatchingTerritories(Account account)
    {
        List<string>? matched = null;
        var candidates = Candidates(account);
        while (candidates.Next(out var rank))
        {
            var rule = _ranked[rank];
            if (rule.Matches(account))
            {
                matched ??= [];
                if (!matched.Contains(rule.TerritoryId))
                {
                    matched.Add(rule.TerritoryId);
                }
            }
        }

        return matched is null ? [] : matched;
    }

    private static void Add(Dictionary<string, List<int>> index, string key, int rank)
    {
        if (!index.TryGetValue(key, out var ranks))
        {
            index[key] = ranks = [];
        }

        ranks.Add(rank);
    }

    private Cursor Candidates(Account account) => new(
        _byAccount.GetValueOrDefault(account.Id, []),
        account.Country is { } country ? _byCountry.GetValueOrDefault(country, []) : [],
        _anyCountry);

    /// <summary>A three-way merge of rank lists; a rule is in one list only, so no rank repeats.</summary>
    private ref struct Cursor(ReadOnlySpan<int> named, ReadOnlySpan<int> country, ReadOnlySpan<int> any)
    {
        private ReadOnlySpan<int> _named = named;
        private ReadOnlySpan<int> _country = country;
        private ReadOnlySpan<int> _any = any;

        public bool Next(out int rank)
        {
            rank = int.MaxValue;
            var from = 0;
            if (_named.Length > 0)
            {
                rank = _named[0];
                from = 1;
            }

            if (_country.Length > 0 && _country[0] < rank)
            {
                rank = _country[0];
                from = 2;
            }

            if (_any.Length > 0 && _any[0] < rank)
            {
                rank = _any[0];
                from = 3;
            }

            switch (from)
            {
                case 1: _named = _named[1..]; return true;
                case 2: _country = _country[1..]; return true;
                case 3: _any = _any[1..]; return true;
                default: return false;
            }
        }
    }
}
