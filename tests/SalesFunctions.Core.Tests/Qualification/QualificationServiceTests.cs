using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Qualification;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Tests.Fakes;

namespace SalesFunctions.Core.Tests.Qualification;

/// <summary>Qualification read from what the pipeline stored: scored activities, directory contacts and CRM deal fields.</summary>
public sealed class QualificationServiceTests
{
    private static readonly DateTimeOffset MondayMorning = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TuesdayMorning = MondayMorning.AddDays(1).AddHours(1);

    [Fact]
    public async Task ForAccountAsync_WhenTheCfoAttendedAMeeting_AuthorityIsMetCitingThatMeeting_AndCrmCriteriaStayUnknown()
    {
        var pipeline = await PipelineAsync();

        var report = await pipeline.Qualification.ForAccountAsync(TestData.Tenant, "acc-northwind", null, MondayMorning.AddHours(11), CancellationToken.None);

        var bant = Bant(report!);
        Assert.Equal(CriterionStatus.Met, Criterion(bant, "authority").Status);
        Assert.Contains(Criterion(bant, "authority").Evidence, e => e.Reference == "m1");
        Assert.Equal(CriterionStatus.Unknown, Criterion(bant, "budget").Status);
        Assert.Equal(25, bant.Score.Score);
        Assert.Equal(2, report!.ActivitiesRead);
        Assert.DoesNotContain(bant.Score.Criteria.SelectMany(c => c.Evidence), e => e.Detail.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForDealAsync_WhenAmountAuthorityAndCloseDateArrive_QualifiesAtTheInstantTheThresholdWasReached()
    {
        var pipeline = await PipelineAsync();

        var monday = await pipeline.Qualification.ForDealAsync(TestData.Tenant, "hub", "d1", MondayMorning.AddHours(11), CancellationToken.None);
        var later = await pipeline.Qualification.ForDealAsync(TestData.Tenant, "hub", "d1", TuesdayMorning.AddHours(2), CancellationToken.None);

        Assert.Equal((50, (DateTimeOffset?)null), (Bant(monday!).Score.Score, Bant(monday!).History.QualifiedOn));
        Assert.Equal(75, Bant(later!).Score.Score);
        Assert.Equal(TuesdayMorning, Bant(later!).History.QualifiedOn);
        Assert.Equal("hub/d1", later!.Deal);
        Assert.Contains(Criterion(Bant(later), "timeline").Evidence, e => e.Reference.Contains("closeDate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SetConfigAsync_WhenInvalid_KeepsTheConfigurationInForce()
    {
        var pipeline = await PipelineAsync();
        var good = await pipeline.Qualification.SetConfigAsync(TestData.Tenant, """{ "threshold": 40, "pipelines": { "default": ["BANT"] } }""", CancellationToken.None);

        var bad = await pipeline.Qualification.SetConfigAsync(TestData.Tenant, """{ "threshold": 40, "pipelines": { "default": ["NOPE"] } }""", CancellationToken.None);
        var report = await pipeline.Qualification.ForDealAsync(TestData.Tenant, "hub", "d1", MondayMorning.AddHours(11), CancellationToken.None);

        Assert.True(good.Succeeded, string.Join("; ", good.Errors));
        Assert.False(bad.Succeeded);
        Assert.Equal(40, report!.Threshold);
        Assert.Equal(["BANT"], report.Frameworks.Select(f => f.Score.FrameworkId));
        Assert.Equal(MondayMorning.AddHours(5), Bant(report).History.QualifiedOn);
    }

    [Fact]
    public async Task ForDealAsync_WhenTheDealIsUnknown_ReturnsNull()
    {
        var pipeline = await PipelineAsync();

        Assert.Null(await pipeline.Qualification.ForDealAsync(TestData.Tenant, "hub", "d404", null, CancellationToken.None));
        Assert.Null(await pipeline.Qualification.ForAccountAsync(TestData.Tenant, "acc-404", null, null, CancellationToken.None));
    }

    /// <summary>Kim (Northwind's CFO) meets Ava on Monday at 14:00 and writes on Monday at 10:00; deal d1 gets its amount Monday 9:00 and its close date Tuesday 10:00.</summary>
    private static async Task<Pipeline> PipelineAsync()
    {
        var pipeline = new Pipeline();
        await pipeline.Stores.SaveAsync(TestData.Directory() with { Contacts = [new Contact(TestData.Kim, "acc-northwind") { Title = "Chief Financial Officer" }] }, CancellationToken.None);
        await pipeline.Scoring.ScoreAsync(TestData.Email("e1", TestData.Kim, [TestData.Ava], at: MondayMorning.AddHours(1)), CancellationToken.None);
        await pipeline.Scoring.ScoreAsync(TestData.Meeting("m1", TestData.Ava, [(TestData.Kim, false)], at: MondayMorning.AddHours(5)), CancellationToken.None);

        var deal = new CrmRecord(TestData.Tenant, "hub", CrmEntityKind.Deal, "d1");
        deal.Apply(new CrmChange("ev-1", CrmEntityKind.Deal, "d1", MondayMorning, new Dictionary<string, string?> { [CrmFields.Amount] = "50000", [CrmFields.AccountId] = "acc-northwind" }));
        deal.Apply(new CrmChange("ev-2", CrmEntityKind.Deal, "d1", TuesdayMorning, new Dictionary<string, string?> { [CrmFields.CloseDate] = "2026-12-15" }));
        await pipeline.Crm.SaveAsync(deal, null, CancellationToken.None);
        return pipeline;
    }

    private static FrameworkQualification Bant(QualificationReport report) => Assert.Single(report.Frameworks, f => f.Score.FrameworkId == "BANT");

    private static CriterionResult Criterion(FrameworkQualification framework, string id) => Assert.Single(framework.Score.Criteria, c => c.Id == id);
}
