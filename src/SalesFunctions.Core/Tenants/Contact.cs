using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Tenants;

/// <summary>
/// A person at a customer account, from a directory import (or a CRM). An exact address match beats any domain rule,
/// so a contact who writes from a personal or free-mail address still counts for their account.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record Contact(string Email, string AccountId)
{
    public string? Name { get; init; }

    /// <summary>Job title as the CRM or import has it; qualification reads it (economic buyer, champion).</summary>
    public string? Title { get; init; }

    /// <summary>Buying role if the CRM records one (e.g. "decision maker", "champion").</summary>
    public string? Role { get; init; }

    /// <summary>Phone numbers in any written form; calls match them in E.164 (with the directory's phoneRegion for national forms).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public IReadOnlyList<string> Phones { get; init; } = [];
}
