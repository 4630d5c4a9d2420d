using System.Text.Json;
using System.Text.Json.Serialization;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Host.Endpoints;

/// <summary>The JSON body of a directory import (docs/contracts.md); the tenant comes from the route.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DirectoryDocument(
    List<string>? InternalDomains,
    string? TimeZone,
    List<Team>? Teams,
    List<Rep>? Reps,
    List<Account>? Accounts,
    List<Contact>? Contacts = null)
{
    /// <summary>The document, or the line and reason it cannot be read: a misspelt or unsupported field is an error, never ignored.</summary>
    public static async Task<(DirectoryDocument? Document, int Line, string? Error)> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            var document = await JsonSerializer.DeserializeAsync<DirectoryDocument>(body, JsonSerializerOptions.Web, cancellationToken);
            return document is null ? (null, 1, "the body is not a directory object.") : (document, 0, null);
        }
        catch (JsonException e)
        {
            // System.Text.Json counts lines from 0; its message names the JSON path, never a value.
            return (null, (int)(e.LineNumber ?? 0) + 1, e.Path is { } path ? $"{path}: {FirstSentence(e.Message)}" : FirstSentence(e.Message));
        }
    }

    private static string FirstSentence(string message) => message.Split(". Path:", 2)[0].TrimEnd('.') + ".";

    public TenantDirectory ToDirectory(string tenantId) =>
        new(tenantId, InternalDomains ?? [], TimeZone ?? "UTC", Teams ?? [], Reps ?? [], Accounts ?? []) { Contacts = Contacts ?? [] };
}
