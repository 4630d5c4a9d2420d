using System.Text.RegularExpressions;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Qualification;
using static SalesFunctions.Core.Tests.Qualification.QualificationData;

namespace SalesFunctions.Core.Tests.Qualification;

public sealed class EvidenceRuleTests
{
    private static readonly Regex Executive = new("chief|vp", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
    private static readonly Regex DecisionMaker = new("decision maker", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
    private static readonly Regex DemoSubject = new("demo|proposal", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    private static readonly Dictionary<string, EvidenceRule> Rules = new()
    {
        ["crmField"] = new(EvidenceRuleType.CrmField) { Field = CrmFields.Pain },
        ["crmFieldMin"] = new(EvidenceRuleType.CrmField) { Field = CrmFields.Amount, Min = 10000 },
        ["contactTitle"] = new(EvidenceRuleType.ContactTitle) { Pattern = Executive },
        ["contactTitleMeetingsOnly"] = new(EvidenceRuleType.ContactTitle) { Pattern = Executive, MeetingsOnly = true },
        ["contactRole"] = new(EvidenceRuleType.ContactRole) { Pattern = DecisionMaker },
        ["stakeholders"] = new(EvidenceRuleType.Stakeholders) { Min = 3 },
        ["repeatedContact"] = new(EvidenceRuleType.RepeatedContact) { Min = 3 },
        ["recency"] = new(EvidenceRuleType.Recency) { Days = 10 },
        ["subjectKeyword"] = new(EvidenceRuleType.SubjectKeyword) { Pattern = DemoSubject },
        ["subjectKeywordEmailsOnly"] = new(EvidenceRuleType.SubjectKeyword) { Pattern = DemoSubject, Kinds = [ActivityKind.Email] },
        ["dealStage"] = new(EvidenceRuleType.DealStage) { Stages = ["negotiation", "contract"] },
    };

    private static readonly Dictionary<string, QualificationInput> Inputs = new()
    {
        ["nothing"] = Input([]),
        ["pain set"] = Input([], Deal(1, (CrmFields.Pain, "slow close"))),
        ["pain blank"] = Input([], Deal(1, (CrmFields.Pain, " "))),
        ["pain set after AsOf"] = Input([], Deal(101, (CrmFields.Pain, "slow close"))),
        ["deal deleted"] = Input([], Deal(1, (CrmFields.Pain, "slow close"), (CrmFields.Deleted, "true"))),
        ["amount above min"] = Input([], Deal(1, (CrmFields.Amount, "25000"))),
        ["amount below min"] = Input([], Deal(1, (CrmFields.Amount, "5000"))),
        ["amount not a number"] = Input([], Deal(1, (CrmFields.Amount, "lots"))),
        ["meeting with cfo"] = Input([Meeting("m1", 1, Cfo.Email)]),
        ["meeting declined by cfo"] = Input([Declined(Meeting("m1", 1, Cfo.Email, Champion.Email), Cfo.Email)]),
        ["email with cfo"] = Input([Email("e1", 1, Cfo.Email)]),
        ["call with cfo"] = Input([Activity("c1", 1, ActivityKind.Call, ActivityDirection.Outbound, null, Cfo.Email)]),
        ["meeting after AsOf"] = Input([Meeting("m1", 101, Cfo.Email)]),
        ["meeting with buyer"] = Input([Meeting("m1", 1, Buyer.Email)]),
        ["email with buyer"] = Input([Email("e1", 1, Buyer.Email)]),
        ["three stakeholders"] = Input([Meeting("m1", 1, Cfo.Email, Champion.Email), Email("e1", 2, Buyer.Email)]),
        ["one stakeholder"] = Input([Meeting("m1", 1, Champion.Email), Email("e1", 2, Champion.Email)]),
        ["other account only"] = Input([Meeting("m1", 1) with { Participants = [new Participant("x@other.com", ParticipantRole.Attendee, false, AccountId: "other")] }]),
        ["champion three times"] = Input([Meeting("m1", 1, Champion.Email), Email("e1", 2, Champion.Email), Email("e2", 3, Champion.Email, Cfo.Email)]),
        ["champion twice"] = Input([Meeting("m1", 1, Champion.Email), Email("e1", 2, Champion.Email), Email("e2", 3, Cfo.Email)]),
        ["activity 5 days ago"] = Input([Meeting("m1", 95, Champion.Email)]),
        ["activity 15 days ago"] = Input([Meeting("m1", 85, Champion.Email)]),
        ["activity 25 days ago"] = Input([Meeting("m1", 75, Champion.Email)]),
        ["demo meeting"] = Input([Activity("m1", 1, ActivityKind.Meeting, ActivityDirection.Inbound, "Product demo", Champion.Email)]),
        ["demo meeting, hashed subjects"] = Input([Activity("m1", 1, ActivityKind.Meeting, ActivityDirection.Inbound, "Product demo", Champion.Email)], plainText: false),
        ["proposal sent"] = Input([Activity("e1", 1, ActivityKind.Email, ActivityDirection.Outbound, "Our proposal", Champion.Email)]),
        ["proposal received"] = Input([Activity("e1", 1, ActivityKind.Email, ActivityDirection.Inbound, "Your proposal", Champion.Email)]),
        ["stage negotiation"] = Input([], Deal(1, (CrmFields.Stage, "Negotiation"))),
        ["stage discovery"] = Input([], Deal(1, (CrmFields.Stage, "Discovery"))),
    };

    public static TheoryData<string, string, CriterionStatus> Cases => new()
    {
        { "crmField", "pain set", CriterionStatus.Met },
        { "crmField", "nothing", CriterionStatus.Unknown },
        { "crmField", "pain blank", CriterionStatus.Unknown },
        { "crmField", "pain set after AsOf", CriterionStatus.Unknown },
        { "crmField", "deal deleted", CriterionStatus.Unknown },
        { "crmFieldMin", "amount above min", CriterionStatus.Met },
        { "crmFieldMin", "amount below min", CriterionStatus.Partial },
        { "crmFieldMin", "amount not a number", CriterionStatus.Partial },
        { "crmFieldMin", "nothing", CriterionStatus.Unknown },
        { "contactTitle", "meeting with cfo", CriterionStatus.Met },
        { "contactTitle", "email with cfo", CriterionStatus.Partial },
        { "contactTitle", "meeting declined by cfo", CriterionStatus.Unknown },
        { "contactTitle", "meeting after AsOf", CriterionStatus.Unknown },
        { "contactTitle", "meeting with buyer", CriterionStatus.Unknown },
        { "contactTitle", "nothing", CriterionStatus.Unknown },
        { "contactTitleMeetingsOnly", "meeting with cfo", CriterionStatus.Met },
        { "contactTitleMeetingsOnly", "email with cfo", CriterionStatus.Unknown },
        { "contactTitle", "call with cfo", CriterionStatus.Met },
        { "contactTitleMeetingsOnly", "call with cfo", CriterionStatus.Met },
        { "contactRole", "meeting with buyer", CriterionStatus.Met },
        { "contactRole", "email with buyer", CriterionStatus.Partial },
        { "contactRole", "meeting with cfo", CriterionStatus.Unknown },
        { "stakeholders", "three stakeholders", CriterionStatus.Met },
        { "stakeholders", "one stakeholder", CriterionStatus.Partial },
        { "stakeholders", "other account only", CriterionStatus.Unknown },
        { "stakeholders", "nothing", CriterionStatus.Unknown },
        { "repeatedContact", "champion three times", CriterionStatus.Met },
        { "repeatedContact", "champion twice", CriterionStatus.Partial },
        { "repeatedContact", "meeting with cfo", CriterionStatus.Unknown },
        { "recency", "activity 5 days ago", CriterionStatus.Met },
        { "recency", "activity 15 days ago", CriterionStatus.Partial },
        { "recency", "activity 25 days ago", CriterionStatus.Unknown },
        { "recency", "meeting after AsOf", CriterionStatus.Unknown },
        { "subjectKeyword", "demo meeting", CriterionStatus.Met },
        { "subjectKeyword", "demo meeting, hashed subjects", CriterionStatus.Unknown },
        { "subjectKeyword", "proposal sent", CriterionStatus.Met },
        { "subjectKeyword", "proposal received", CriterionStatus.Unknown },
        { "subjectKeywordEmailsOnly", "demo meeting", CriterionStatus.Unknown },
        { "subjectKeywordEmailsOnly", "proposal sent", CriterionStatus.Met },
        { "dealStage", "stage negotiation", CriterionStatus.Met },
        { "dealStage", "stage discovery", CriterionStatus.Unknown },
        { "dealStage", "nothing", CriterionStatus.Unknown },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_WhenRuleMeetsInput_GivesStatus(string rule, string input, CriterionStatus expected)
    {
        var result = Assert.Single(QualificationEngine.Evaluate(Single(Rules[rule]), Inputs[input]).Criteria);

        Assert.Equal(expected, result.Status);
        Assert.Equal(expected != CriterionStatus.Unknown, result.Evidence.Count > 0);
        Assert.All(result.Evidence, evidence => Assert.DoesNotContain("@", evidence.Detail + evidence.Reference, StringComparison.Ordinal));
        Assert.All(result.Evidence, evidence => Assert.True(evidence.At <= Inputs[input].AsOf));
    }

    [Fact]
    public void Evaluate_WhenCrmFieldIsMet_CitesTheDealFieldAndItsVersion()
    {
        var evidence = Assert.Single(Assert.Single(QualificationEngine.Evaluate(Single(Rules["crmFieldMin"]), Inputs["amount above min"]).Criteria).Evidence);

        Assert.Equal(new Evidence(EvidenceRuleType.CrmField, "deal hubspot/d-1 field amount", Start.AddDays(1),
            "amount=25000, minimum 10000 (set 2026-03-03T09:00:00.0000000+00:00)"), evidence);
    }

    [Fact]
    public void Evaluate_WhenManyActivities_CitesAtMostTenWithTheCount()
    {
        var activities = Enumerable.Range(1, 25).Select(day => Email($"e{day}", day, Champion.Email)).ToList();

        var evidence = Assert.Single(QualificationEngine.Evaluate(Single(Rules["repeatedContact"]), Input(activities)).Criteria).Evidence;

        Assert.Equal(Enumerable.Range(16, 10).Select(day => $"e{day}"), evidence.Select(e => e.Reference));
        Assert.Contains("activity 25 ", evidence[^1].Detail, StringComparison.Ordinal);
    }
}
