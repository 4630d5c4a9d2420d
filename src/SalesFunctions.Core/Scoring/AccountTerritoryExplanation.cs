namespace SalesFunctions.Core.Scoring;

/// <summary>One account of an activity under the model in force at the activity's time: its territories and the rules that matched.</summary>
public sealed record AccountTerritoryExplanation(string AccountId, string? Primary, IReadOnlyList<string> Overlays, IReadOnlyList<string> MatchedRules, string TieBreak);
