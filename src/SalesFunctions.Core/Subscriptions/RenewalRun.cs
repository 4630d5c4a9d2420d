namespace SalesFunctions.Core.Subscriptions;

public sealed record RenewalRun(int Renewed, int Recreated);
