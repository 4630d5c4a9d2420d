using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Qualification;
using static SalesFunctions.Core.Tests.Qualification.QualificationData;

namespace SalesFunctions.Core.Tests.Qualification;

public sealed class ScoreAndHistoryTests
{
    private static readonly Framework Weighted = new("W", "Weighted",
    [
        new Criterion("pain", "Pain", 3, [new EvidenceRule(EvidenceRuleType.CrmField) { Field = CrmFields.Pain }]),
        new Criterion("amount", "Amount", 1, [new EvidenceRule(EvidenceRuleType.CrmField) { Field = CrmFields.Amount, Min = 1000 }]),
        new Criterion("recent", "Recent", 4, [new EvidenceRule(EvidenceRuleType.Recency) { Days = 10 }]),
    ]);

    public static TheoryData<string?, string?, int, int> Scores => new()
    {
        // pain (3), amount (1, partial below 1000), recent activity (4, met within 10 days, partial within 20)
        { null, null, -1, 0 },
        { "yes", null, -1, 38 },       // 3/8 = 37.5 → 38
        { "yes", "500", -1, 44 },      // 3.5/8 = 43.75
        { "yes", "5000", -1, 50 },
        { null, "500", 95, 56 },       // (0.5 + 4)/8 = 56.25
        { null, null, 85, 25 },        // partial recency: 2/8
        { "yes", "5000", 95, 100 },
    };

    [Theory]
    [MemberData(nameof(Scores))]
    public void Evaluate_WhenCriteriaAreMetOrPartial_WeighsThemWithPartialAsHalf(string? pain, string? amount, int activityDay, int expected)
    {
        var fields = new List<(string, string)>();
        if (pain is not null)
        {
            fields.Add((CrmFields.Pain, pain));
        }

        if (amount is not null)
        {
            fields.Add((CrmFields.Amount, amount));
        }

        var input = Input(activityDay < 0 ? [] : [Meeting("m1", activityDay, Champion.Email)], Deal(1, [.. fields]));

        Assert.Equal(expected, QualificationEngine.Evaluate(Weighted, input).Score);
    }

    [Fact]
    public void Evaluate_WhenNoDeal_LeavesCrmCriteriaUnknown()
    {
        var result = QualificationEngine.Evaluate(Weighted, Input([Meeting("m1", 99, Champion.Email)]));

        Assert.Equal([CriterionStatus.Unknown, CriterionStatus.Unknown, CriterionStatus.Met], result.Criteria.Select(c => c.Status));
        Assert.Equal(50, result.Score);
    }

    [Fact]
    public void History_WhenEvidenceArrivesAndRecencyRunsOut_RecordsEveryChangeAndTheFirstQualifiedInstant()
    {
        var deal = Deal(20, (CrmFields.Pain, "yes"));
        deal.Apply(new CrmChange("e2", CrmEntityKind.Deal, "d-1", Start.AddDays(30), new Dictionary<string, string?> { [CrmFields.Amount] = "5000" }));
        var input = Input([Meeting("m1", 10, Champion.Email), Meeting("m2", 25, Champion.Email)], deal, asOfDay: 80);

        var history = QualificationEngine.History(Weighted, input, threshold: 70);

        Assert.Equal(
            [
                new ScorePoint(Start.AddDays(10), 50),  // recent met
                new ScorePoint(Start.AddDays(20), 63),  // + pain, but m1 is 10 days old: recency partial, 5/8 = 62.5
                new ScorePoint(Start.AddDays(25), 88),  // m2: recency met again, 7/8 = 87.5
                new ScorePoint(Start.AddDays(30), 100), // + amount
                new ScorePoint(Start.AddDays(35), 75),  // m2 older than 10 days: recency partial
                new ScorePoint(Start.AddDays(45), 50),  // older than 20 days: unknown
            ],
            history.Points);
        Assert.Equal(Start.AddDays(25), history.QualifiedOn);
    }

    [Fact]
    public void History_WhenThresholdNeverReached_HasNoQualifiedOn()
    {
        var history = QualificationEngine.History(Weighted, Input([Meeting("m1", 10, Champion.Email)]), threshold: 70);

        Assert.Null(history.QualifiedOn);
        Assert.Equal([new ScorePoint(Start.AddDays(10), 50), new ScorePoint(Start.AddDays(20), 25), new ScorePoint(Start.AddDays(30), 0)], history.Points);
    }

    [Fact]
    public void History_WhenReplayed_AgreesWithEvaluateAtEveryPointAndJustBefore()
    {
        var framework = QualificationConfigFile.BuiltIns["MEDDPICC"];
        var emails = new[] { Cfo.Email, Champion.Email, Buyer.Email };
        var activities = Enumerable.Range(0, 300)
            .Select(i => i % 7 == 0 ? Meeting($"m{i}", i / 3, emails[i % 3]) : Email($"e{i}", i / 3, emails[(i / 2) % 3]))
            .ToList();
        var input = Input(activities, Deal(40, (CrmFields.Competitor, "Contoso"), (CrmFields.Pain, "yes")), asOfDay: 120);

        var history = QualificationEngine.History(framework, input, threshold: 60);

        Assert.NotEmpty(history.Points);
        Assert.All(history.Points, point =>
        {
            Assert.Equal(point.Score, QualificationEngine.Evaluate(framework, input with { AsOf = point.At }).Score);
            Assert.NotEqual(point.Score, QualificationEngine.Evaluate(framework, input with { AsOf = point.At.AddTicks(-1) }).Score);
        });
        Assert.Equal(history.Points.First(p => p.Score >= 60).At, history.QualifiedOn);
    }

    [Fact]
    public void History_WhenThousandsOfActivities_ReplaysEachOnce()
    {
        var people = Enumerable.Range(0, 40).Select(i => $"p{i}@acme.com").ToArray();
        var activities = Enumerable.Range(0, 4000).Select(i => Meeting($"m{i}", i / 10, people[i % 40], people[(i * 7) % 40])).ToList();
        var input = Input(activities, asOfDay: 500);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var history = QualificationEngine.History(QualificationConfigFile.BuiltIns["FAINT"], input, threshold: 70);

        // Generous bound: a quadratic replay of 4000 activities takes far longer than this.
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
        Assert.Equal(20, history.Points[^1].Score); // interest only: repeated contact, the recency long gone
        Assert.Equal(QualificationEngine.Evaluate(QualificationConfigFile.BuiltIns["FAINT"], input with { AsOf = Start.AddDays(200) }).Score,
            history.Points.Last(point => point.At <= Start.AddDays(200)).Score);
    }
}
