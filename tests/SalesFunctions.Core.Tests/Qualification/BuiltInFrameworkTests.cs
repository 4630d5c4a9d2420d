using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Qualification;
using static SalesFunctions.Core.Tests.Qualification.QualificationData;

namespace SalesFunctions.Core.Tests.Qualification;

public sealed class BuiltInFrameworkTests
{
    public static TheoryData<string, string> Definitions => new()
    {
        { "BANT", "budget authority need timeline" },
        { "MEDDIC", "metrics economicBuyer decisionCriteria decisionProcess identifyPain champion" },
        { "MEDDPICC", "metrics economicBuyer decisionCriteria decisionProcess identifyPain champion paperProcess competition" },
        { "CHAMP", "challenges authority money prioritization" },
        { "FAINT", "funds authority interest need timing" },
        { "SCOTSMAN", "situation competition origin timescale size money authority need" },
    };

    /// <summary>Every criterion of every built-in framework, with the evidence and without it.</summary>
    public static TheoryData<string, string, bool> EveryCriterion
    {
        get
        {
            var rows = new TheoryData<string, string, bool>();
            foreach (var framework in QualificationConfigFile.BuiltIns.Values)
            {
                foreach (var criterion in framework.Criteria)
                {
                    rows.Add(framework.Id, criterion.Id, true);
                    rows.Add(framework.Id, criterion.Id, false);
                }
            }

            return rows;
        }
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void BuiltIns_WhenLoaded_DefineTheFrameworksCriteria(string frameworkId, string criteria)
    {
        var framework = QualificationConfigFile.BuiltIns[frameworkId];

        Assert.Equal(criteria.Split(' '), framework.Criteria.Select(criterion => criterion.Id));
        Assert.All(framework.Criteria, criterion => Assert.True(criterion.Weight > 0));
    }

    [Theory]
    [MemberData(nameof(EveryCriterion))]
    public void Evaluate_WhenEvidenceIsPresentOrAbsent_MeetsOrLeavesUnknownEachCriterion(string frameworkId, string criterionId, bool withEvidence)
    {
        var framework = QualificationConfigFile.BuiltIns[frameworkId];

        var result = QualificationEngine.Evaluate(framework, withEvidence ? FullEvidence() : Input([]));

        var criterion = Assert.Single(result.Criteria, c => c.Id == criterionId);
        Assert.Equal(withEvidence ? CriterionStatus.Met : CriterionStatus.Unknown, criterion.Status);
        Assert.Equal(withEvidence, criterion.Evidence.Count > 0);
        Assert.Equal(withEvidence ? 100 : 0, result.Score);
    }

    [Theory]
    [MemberData(nameof(EveryCriterion))]
    public void Evaluate_WhenOnlyActivitiesAndNoDeal_MeetsTheCriteriaActivitiesCanProve(string frameworkId, string criterionId, bool withActivities)
    {
        var framework = QualificationConfigFile.BuiltIns[frameworkId];
        var criterion = framework.Criteria.Single(c => c.Id == criterionId);
        var provableByActivities = criterion.Rules.Any(rule => rule.Type is not (EvidenceRuleType.CrmField or EvidenceRuleType.DealStage));

        var result = QualificationEngine.Evaluate(framework, Input(withActivities ? FullActivities() : []));

        var expected = withActivities && provableByActivities ? CriterionStatus.Met : CriterionStatus.Unknown;
        Assert.Equal(expected, result.Criteria.Single(c => c.Id == criterionId).Status);
    }

    private static IReadOnlyList<Activity> FullActivities() =>
    [
        Activity("m1", 80, ActivityKind.Meeting, ActivityDirection.Outbound, "Discovery workshop", Cfo.Email, Champion.Email, Buyer.Email),
        Activity("m2", 85, ActivityKind.Meeting, ActivityDirection.Outbound, "Product demo and ROI review", Champion.Email),
        Email("e1", 90, Champion.Email),
        Activity("e2", 95, ActivityKind.Email, ActivityDirection.Outbound, "Proposal and order form", Champion.Email),
        Meeting("m3", 99, Champion.Email),
    ];

    private static QualificationInput FullEvidence() => Input(FullActivities(), Deal(
        10,
        (CrmFields.Amount, "50000"),
        (CrmFields.CloseDate, "2026-09-30"),
        (CrmFields.Stage, "Negotiation"),
        (CrmFields.Source, "inbound"),
        (CrmFields.Pain, "manual reporting"),
        (CrmFields.Competitor, "Contoso"),
        (CrmFields.DecisionProcess, "board sign-off"),
        (CrmFields.DecisionCriteria, "SSO, audit log"),
        (CrmFields.PaperProcess, "legal review"),
        (CrmFields.ChampionName, "Ana"),
        (CrmFields.EconomicBuyerName, "Carla")));
}
