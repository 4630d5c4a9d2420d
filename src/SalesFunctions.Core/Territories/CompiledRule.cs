using System.Collections.Frozen;
using System.Globalization;
using System.Numerics;
using System.Text;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Territories;

/// <summary>
/// A rule prepared for evaluation: sets instead of lists, postal prefixes normalised once. One evaluation method
/// serves both the hot path (no reasons, stops at the first failed condition) and Explain (collects a reason for every
/// condition), so the two can never disagree.
/// </summary>
internal sealed class CompiledRule
{
    private const int ListedValuesInReasons = 8;

    private readonly FrozenSet<string>? _countries;
    private readonly FrozenSet<string>? _regions;
    private readonly string[]? _postalPrefixes;
    private readonly FrozenSet<string>? _industries;
    private readonly FrozenSet<string>? _accounts;
    private readonly Band<int>? _employees;
    private readonly Band<decimal>? _annualRevenue;
    private readonly TerritoryRule _source;

    public CompiledRule(Territory territory, int ruleIndex)
    {
        _source = territory.Rules[ruleIndex];
        TerritoryId = territory.Id;
        Kind = territory.Kind;
        RuleIndex = ruleIndex;
        Priority = _source.Priority;
        Specificity = _source.Specificity;
        _countries = Set(_source.Countries, StringComparer.OrdinalIgnoreCase);
        _regions = Set(_source.Regions, StringComparer.OrdinalIgnoreCase);
        _industries = Set(_source.Industries, StringComparer.OrdinalIgnoreCase);
        _accounts = Set(_source.Accounts, StringComparer.Ordinal);
        _postalPrefixes = _source.PostalPrefixes?.Select(NormalisePostal).Distinct(StringComparer.Ordinal).ToArray();
        _employees = _source.Employees;
        _annualRevenue = _source.AnnualRevenue;
    }

    public string TerritoryId { get; }

    public TerritoryKind Kind { get; }

    public int RuleIndex { get; }

    public int Priority { get; }

    public int Specificity { get; }

    /// <summary>The candidate index files a rule under its named accounts, else its countries, else "any country".</summary>
    public IReadOnlyList<string>? Accounts => _source.Accounts;

    public IReadOnlyList<string>? Countries => _source.Countries;

    public override string ToString() => $"{TerritoryId} rule {RuleIndex}";

    /// <summary>Upper case without spaces and hyphens: "sw1a 1aa" and "SW1A-1AA" are the same postcode.</summary>
    public static string NormalisePostal(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var ch in value)
        {
            if (ch is not (' ' or '-'))
            {
                builder.Append(char.ToUpperInvariant(ch));
            }
        }

        return builder.ToString();
    }

    public bool Matches(Account account) => Evaluate(account, null);

    /// <summary>With <paramref name="reasons"/> null: stops at the first failed condition and allocates nothing.</summary>
    public bool Evaluate(Account account, List<string>? reasons)
    {
        var matched = true;
        if (_accounts is not null)
        {
            var ok = _accounts.Contains(account.Id);
            if (!ok && reasons is null)
            {
                return false;
            }

            reasons?.Add(InList("account", account.Id, ok, _source.Accounts!));
            matched &= ok;
        }

        if (_countries is not null)
        {
            var ok = account.Country is { } country && _countries.Contains(country);
            if (!ok && reasons is null)
            {
                return false;
            }

            reasons?.Add(InList("country", account.Country, ok, _source.Countries!));
            matched &= ok;
        }

        if (_regions is not null)
        {
            var ok = account.Region is { } region && _regions.Contains(region);
            if (!ok && reasons is null)
            {
                return false;
            }

            reasons?.Add(InList("region", account.Region, ok, _source.Regions!));
            matched &= ok;
        }

        if (_postalPrefixes is not null)
        {
            var ok = account.PostalCode is { } postalCode && StartsWithAny(postalCode, _postalPrefixes);
            if (!ok && reasons is null)
            {
                return false;
            }

            reasons?.Add(PostalReason(account.PostalCode, ok, _source.PostalPrefixes!));
            matched &= ok;
        }

        if (_industries is not null)
        {
            var ok = account.Industry is { } industry && _industries.Contains(industry);
            if (!ok && reasons is null)
            {
                return false;
            }

            reasons?.Add(InList("industry", account.Industry, ok, _source.Industries!));
            matched &= ok;
        }

        if (_employees is not null)
        {
            var ok = account.Employees is { } employees && _employees.Contains(employees);
            if (!ok && reasons is null)
            {
                return false;
            }

            reasons?.Add(InBand("employees", account.Employees, ok, _employees));
            matched &= ok;
        }

        if (_annualRevenue is not null)
        {
            var ok = account.AnnualRevenue is { } revenue && _annualRevenue.Contains(revenue);
            if (!ok && reasons is null)
            {
                return false;
            }

            reasons?.Add(InBand("annual revenue", account.AnnualRevenue, ok, _annualRevenue));
            matched &= ok;
        }

        if (Specificity == 0)
        {
            reasons?.Add("no conditions: matches every account");
        }

        return matched;
    }

    private static FrozenSet<string>? Set(IReadOnlyList<string>? values, StringComparer comparer) =>
        values is null ? null : values.ToFrozenSet(comparer);

    private static bool StartsWithAny(string postalCode, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (StartsWith(postalCode, prefix))
            {
                return true;
            }
        }

        return false;
    }

    // Compares against the normalised prefix while skipping separators, so matching allocates nothing.
    private static bool StartsWith(string postalCode, string normalisedPrefix)
    {
        var matched = 0;
        foreach (var ch in postalCode)
        {
            if (matched == normalisedPrefix.Length)
            {
                return true;
            }

            if (ch is ' ' or '-')
            {
                continue;
            }

            if (char.ToUpperInvariant(ch) != normalisedPrefix[matched])
            {
                return false;
            }

            matched++;
        }

        return matched == normalisedPrefix.Length;
    }

    private static string Listed(IReadOnlyList<string> values) =>
        values.Count <= ListedValuesInReasons
            ? $"[{string.Join(", ", values)}]"
            : $"[{string.Join(", ", values.Take(ListedValuesInReasons))}, … {values.Count - ListedValuesInReasons} more]";

    private static string InList(string label, string? value, bool ok, IReadOnlyList<string> values) =>
        value is null ? $"{label} missing (needs one of {Listed(values)})"
        : ok ? $"{label} {value} in {Listed(values)}"
        : $"{label} {value} not in {Listed(values)}";

    private static string PostalReason(string? postalCode, bool ok, IReadOnlyList<string> prefixes) =>
        postalCode is null ? $"postal code missing (needs a prefix of {Listed(prefixes)})"
        : ok ? $"postal code {postalCode} starts with one of {Listed(prefixes)}"
        : $"postal code {postalCode} starts with none of {Listed(prefixes)}";

    private static string InBand<T>(string label, T? value, bool ok, Band<T> band)
        where T : struct, INumber<T> =>
        value is not { } known ? $"{label} missing (needs {band})"
        : string.Create(CultureInfo.InvariantCulture, $"{label} {known} {(ok ? "in" : "not in")} {band}");
}
