using System.Text.Json;
using System.Text.Json.Serialization;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Api.Endpoints;

/// <summary>The JSON body of a directory import (docs/contracts.md); the tenant comes from the route.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DirectoryDocument(
    List<string>? InternalDomains,
    string? TimeZone,
    List<Team>? Teams,
    List<Rep>? Reps,
    List<Account>? Accounts,
    List<Contact>? Contacts = null,
    TenantAccess? Access = null,
    string? PhoneRegion = null)
{
    /// <summary>
    /// JSON binding leaves null where the body says null, whatever the declared type: a null item or a missing
    /// required field is named here, before validation reads it; so is a field that only Graph sets.
    /// </summary>
    public IReadOnlyList<string> InvalidValues()
    {
        var missing = new List<string>();
        void Check<T>(string list, List<T>? items, Func<T, (string Field, object? Value)[]> fields)
            where T : class
        {
            for (var i = 0; i < (items?.Count ?? 0); i++)
            {
                if (items![i] is not { } item)
                {
                    missing.Add($"{list}[{i}] is null.");
                    continue;
                }

                missing.AddRange(fields(item).Where(f => f.Value is null).Select(f => $"{list}[{i}].{f.Field} is required."));
            }
        }

        missing.AddRange((InternalDomains ?? []).Select((d, i) => (d, i)).Where(p => p.d is null).Select(p => $"internalDomains[{p.i}] is null."));
        Check("teams", Teams, t => [("id", t.Id), ("name", t.Name)]);
        Check("reps", Reps, r => [("id", r.Id), ("email", r.Email), ("name", r.Name), ("teamId", r.TeamId)]);
        missing.AddRange((Reps ?? []).Select((r, i) => (Rep: r, Index: i)).Where(p => p.Rep is { MailboxAddresses.Count: > 0 })
            .Select(p => $"reps[{p.Index}].mailboxAddresses is read from Graph when capture of the mailbox starts, never imported; a rep's other addresses go in aliases."));
        Check("accounts", Accounts, a => [("id", a.Id), ("name", a.Name), ("domains", a.Domains), .. (a.Domains ?? []).Select((d, i) => ($"domains[{i}]", (object?)d))]);
        Check("contacts", Contacts, c => [("email", c.Email), ("accountId", c.AccountId)]);
        return missing;
    }

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
        new(tenantId, InternalDomains ?? [], TimeZone ?? "UTC", Teams ?? [], Reps ?? [], Accounts ?? []) { Contacts = Contacts ?? [], Access = Access ?? TenantAccess.Default, PhoneRegion = PhoneRegion };
}
