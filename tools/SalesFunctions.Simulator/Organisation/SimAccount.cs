namespace SalesFunctions.Simulator.Organisation;

public sealed record SimAccount(string Id, string Name, IReadOnlyList<string> Domains);
