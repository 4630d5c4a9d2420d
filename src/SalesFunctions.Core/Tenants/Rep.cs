namespace SalesFunctions.Core.Tenants;

public sealed record Rep(string Id, string Email, string Name, string TeamId);
