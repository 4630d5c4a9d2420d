using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Qualification;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Tests.Qualification;

/// <summary>Builders for qualification inputs: one account, its contacts, activities and a deal.</summary>
internal static class QualificationData
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly Account Acme = new("acme", "Acme", ["acme.com"]);

    public static readonly Contact Cfo = new("cfo@acme.com", "acme") { Title = "Chief Financial Officer" };

    public static readonly Contact Champion = new("ana@acme.com", "acme") { Title = "Engineer", Role = "Champion" };

    public static readonly Contact Buyer = new("bob@acme.com", "acme") { Title = "Purchasing agent", Role = "Decision maker" };

    public static IReadOnlyList<Contact> Contacts { get; } = [Cfo, Champion, Buyer];

    public static Activity Meeting(string id, int day, params string[] externals) => Activity(id, day, ActivityKind.Meeting, ActivityDirection.Outbound, null, externals);

    public static Activity Email(string id, int day, params string[] externals) => Activity(id, day, ActivityKind.Email, ActivityDirection.Outbound, null, externals);

    public static Activity Activity(string id, int day, ActivityKind kind, ActivityDirection direction, string? subject, params string[] externals) => new(
        "t1",
        id,
        kind,
        direction,
        Start.AddDays(day),
        kind == ActivityKind.Meeting ? Start.AddDays(day).AddHours(1) : null,
        null,
        [new Participant("rep@seller.com", kind == ActivityKind.Meeting ? ParticipantRole.Organizer : ParticipantRole.From, IsInternal: true),
            .. externals.Select(email => new Participant(email, kind == ActivityKind.Meeting ? ParticipantRole.Attendee : ParticipantRole.To, IsInternal: false, AccountId: "acme"))],
        subject);

    public static Activity Declined(Activity meeting, string email) => meeting with
    {
        Participants = [.. meeting.Participants.Select(p => p.Email == email ? p with { Declined = true } : p)],
    };

    public static CrmRecord Deal(int day, params (string Field, string Value)[] fields)
    {
        var deal = new CrmRecord("t1", "hubspot", CrmEntityKind.Deal, "d-1");
        deal.Apply(new CrmChange($"e-{day}", CrmEntityKind.Deal, "d-1", Start.AddDays(day), fields.ToDictionary(f => f.Field, f => (string?)f.Value)));
        return deal;
    }

    public static QualificationInput Input(IReadOnlyList<Activity> activities, CrmRecord? deal = null, int asOfDay = 100, bool plainText = true) =>
        new(Acme, Contacts, activities, deal, Start.AddDays(asOfDay), plainText);

    public static Framework Single(EvidenceRule rule, decimal weight = 1) => new("T", "Test", [new Criterion("c", "Criterion", weight, [rule])]);

    public static CriterionStatus StatusOf(Framework framework, QualificationInput input) =>
        Assert.Single(QualificationEngine.Evaluate(framework, input).Criteria).Status;
}
