namespace SalesFunctions.Core.Tenants;

public sealed record Team(string Id, string Name);
