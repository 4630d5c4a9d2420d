using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Tests;

/// <summary>A small tenant: two teams, three reps, a colleague who is not a rep, two accounts.</summary>
internal static class TestData
{
    public const string Tenant = "tenant-a";
    public const string Ava = "ava@contoso-sales.example";
    public const string Bo = "bo@contoso-sales.example";
    public const string Cy = "cy@contoso-sales.example";
    public const string Colleague = "legal@contoso-sales.example";
    public const string Kim = "kim@northwind.example";
    public const string Lee = "lee@eu.fabrikam.example";
    public const string FreeMail = "someone@gmail.com";

    public static TenantDirectory Directory(string timeZone = "UTC") => new(
        Tenant,
        ["contoso-sales.example"],
        timeZone,
        [new Team("team-a", "A"), new Team("team-b", "B")],
        [new Rep("rep-ava", Ava, "Ava", "team-a"), new Rep("rep-bo", Bo, "Bo", "team-a"), new Rep("rep-cy", Cy, "Cy", "team-b")],
        [new Account("acc-northwind", "Northwind", ["northwind.example"]), new Account("acc-fabrikam", "Fabrikam", ["fabrikam.example", "fabrikam-group.example"])]);

    public static Activity Email(string id, string from, string[] to, string[]? cc = null, DateTimeOffset? at = null)
    {
        var directory = Directory();
        var participants = new[] { (from, ParticipantRole.From) }
            .Concat(to.Select(t => (t, ParticipantRole.To)))
            .Concat((cc ?? []).Select(c => (c, ParticipantRole.Cc)))
            .Select(p => new Participant(p.Item1, p.Item2, directory.IsInternal(p.Item1), AccountId: directory.IsInternal(p.Item1) ? null : Core.Scoring.AccountMatcher.Match(directory, p.Item1)))
            .ToList();
        return new Activity(Tenant, id, ActivityKind.Email, directory.IsInternal(from) ? ActivityDirection.Outbound : ActivityDirection.Inbound,
            at ?? new DateTimeOffset(2026, 10, 5, 10, 0, 0, TimeSpan.Zero), null, "conv", participants);
    }

    public static Activity Meeting(string id, string organizer, (string Email, bool Declined)[] attendees, int minutes = 30, DateTimeOffset? at = null)
    {
        var directory = Directory();
        var start = at ?? new DateTimeOffset(2026, 10, 5, 14, 0, 0, TimeSpan.Zero);
        var participants = attendees.Select(a => new Participant(a.Email, ParticipantRole.Attendee, directory.IsInternal(a.Email), a.Declined,
                directory.IsInternal(a.Email) ? null : Core.Scoring.AccountMatcher.Match(directory, a.Email)))
            .Prepend(new Participant(organizer, ParticipantRole.Organizer, directory.IsInternal(organizer)))
            .ToList();
        return new Activity(Tenant, id, ActivityKind.Meeting, ActivityDirection.Outbound, start, start.AddMinutes(minutes), null, participants);
    }
}
