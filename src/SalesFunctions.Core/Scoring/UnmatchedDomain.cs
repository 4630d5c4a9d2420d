namespace SalesFunctions.Core.Scoring;

/// <summary>An external domain no account claims: in how many activities it appeared, from how many addresses, and when last.</summary>
public sealed record UnmatchedDomain(string Domain, int Activities, int Addresses, DateTimeOffset LastSeen);
