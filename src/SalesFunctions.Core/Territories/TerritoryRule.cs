namespace SalesFunctions.Core.Territories;

/// <summary>
/// One way into a territory: every condition that is set must hold (AND); a list condition holds when the account's
/// value is any of the listed values (OR). A rule without conditions is a catch-all.
/// </summary>
public sealed record TerritoryRule
{
    /// <summary>Lower wins. Ties go to the more specific rule, then to the territory id in ordinal order.</summary>
    public required int Priority { get; init; }

    /// <summary>ISO 3166-1 alpha-2 codes, compared case-insensitively.</summary>
    public IReadOnlyList<string>? Countries { get; init; }

    /// <summary>States, provinces or regions, compared case-insensitively with the account's region.</summary>
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>Postal-code prefixes; spaces and hyphens are ignored and letters compared case-insensitively.</summary>
    public IReadOnlyList<string>? PostalPrefixes { get; init; }

    /// <summary>Industries, compared case-insensitively.</summary>
    public IReadOnlyList<string>? Industries { get; init; }

    public Band<int>? Employees { get; init; }

    public Band<decimal>? AnnualRevenue { get; init; }

    /// <summary>Named accounts: account ids, compared ordinally.</summary>
    public IReadOnlyList<string>? Accounts { get; init; }

    /// <summary>How many conditions are set; the second tie-break after the priority.</summary>
    public int Specificity =>
        (Countries is null ? 0 : 1) + (Regions is null ? 0 : 1) + (PostalPrefixes is null ? 0 : 1) + (Industries is null ? 0 : 1)
        + (Employees is null ? 0 : 1) + (AnnualRevenue is null ? 0 : 1) + (Accounts is null ? 0 : 1);
}
