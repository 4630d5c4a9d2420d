using System.Globalization;

namespace SalesFunctions.Benchmarks.Fuzz;

public sealed record FuzzReport(int Requests, int Routes, int ServerErrors, int MissingProblems, int StorageChanges, int NoAnswers, int Resent, IReadOnlyDictionary<int, int> ByStatus, IReadOnlyList<FuzzFinding> Findings)
{
    public bool Passed => ServerErrors == 0 && MissingProblems == 0 && StorageChanges == 0 && NoAnswers == 0;

    /// <summary>The closing line scripts/fuzz.sh promises.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture, $"fuzz: {Requests} requests over {Routes} routes; 5xx {ServerErrors}; storage changes {StorageChanges}");
}
