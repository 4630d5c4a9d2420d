using SalesFunctions.Core.Activities;

namespace SalesFunctions.Core.Scoring;

/// <summary>One participant by domain (never the address): what was stored, what the ladder says now, and why.</summary>
public sealed record ParticipantExplanation(
    ParticipantRole Role,
    string Domain,
    bool Internal,
    string? Rep,
    string? StoredAccount,
    AccountMatchMethod? StoredMatchedBy,
    string? AccountNow,
    AccountMatchMethod? MatchedByNow,
    double? Confidence,
    string Reason);
