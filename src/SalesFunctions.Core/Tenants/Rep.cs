using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Tenants;

/// <summary>
/// A rep; activities count for the rep on <see cref="Email"/>, on every one of <see cref="Aliases"/> and on every one of
/// <see cref="MailboxAddresses"/>.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record Rep(string Id, string Email, string Name, string TeamId)
{
    /// <summary>The rep's other addresses: aliases, Exchange proxyAddresses, the old domain after a rename.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>
    /// The other SMTP addresses of the rep's mailbox, read from Graph (proxyAddresses) when capture of it starts; not
    /// part of an import: a later import of the same rep (same id and address) keeps them (TenantDirectoryService).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public IReadOnlyList<string> MailboxAddresses { get; init; } = [];

    /// <summary>The rep's Entra ID object id: Teams call records name users by it (and by UPN, which may differ from the address).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UserId { get; init; }

    /// <summary>The primary address, the aliases, then the mailbox's other addresses.</summary>
    [JsonIgnore]
    public IEnumerable<string> Addresses => Aliases.Concat(MailboxAddresses).Prepend(Email);
}
