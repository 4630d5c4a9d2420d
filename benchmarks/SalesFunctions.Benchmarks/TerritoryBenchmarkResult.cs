namespace SalesFunctions.Benchmarks;

public sealed record TerritoryBenchmarkResult(
    int Territories,
    int Rules,
    int Accounts,
    int AccountsWithPrimary,
    int AccountsWithOverlay,
    double OursPerSecond,
    int RulesEngineAccounts,
    double RulesEnginePerSecond,
    int PrimaryMismatches,
    int OverlayMismatches)
{
    public double Ratio => OursPerSecond / RulesEnginePerSecond;
}
