namespace SalesFunctions.Core.Tenants;

public sealed record Account(string Id, string Name, IReadOnlyList<string> Domains);
