namespace SalesFunctions.Simulator.Organisation;

public sealed record SimAccount(string Id, string Name, IReadOnlyList<string> Domains)
{
    // Firmographics for territory assignment (Demo/territories.json).
    public string? Country { get; init; }

    public string? Region { get; init; }

    public string? PostalCode { get; init; }

    public string? Industry { get; init; }

    public int? Employees { get; init; }

    public decimal? AnnualRevenue { get; init; }
}
