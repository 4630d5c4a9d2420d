using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Scoring;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Tests.Fakes;

namespace SalesFunctions.Core.Tests.Scoring;

/// <summary>Contact, then domain, then parent domain; free mail never by domain; what nobody claims is listed; history re-matched on request.</summary>
public sealed class MatchingLadderTests
{
    private static readonly DateOnly Monday = new(2026, 10, 5);

    public static TheoryData<string, string?, AccountMatchMethod?> Ladder => new()
    {
        { "pat@gmail.com", "acc-northwind", AccountMatchMethod.Contact },
        { "kim@northwind.example", "acc-northwind", AccountMatchMethod.Domain },
        { "lee@eu.fabrikam.example", "acc-fabrikam", AccountMatchMethod.ParentDomain },
        { "ceo@fabrikam.example", "acc-northwind", AccountMatchMethod.Contact },
        { "someone@gmail.com", null, null },
        { "x@globex.example", null, null },
    };

    [Theory]
    [MemberData(nameof(Ladder))]
    public void MatchWithMethod_WhenAnAddressIsOnSomeRung_UsesTheHighestRungThatApplies(string email, string? account, AccountMatchMethod? method)
    {
        var match = AccountMatcher.MatchWithMethod(DirectoryWithContacts(), email);

        Assert.Equal((account, method), (match?.AccountId, match?.Method));
    }

    [Fact]
    public void MatchWithMethod_WhenContactOrDomain_ReportsConfidenceInLadderOrder()
    {
        var directory = DirectoryWithContacts();
        var confidences = new[] { "pat@gmail.com", "kim@northwind.example", "lee@eu.fabrikam.example" }
            .Select(e => AccountMatcher.MatchWithMethod(directory, e)!.Confidence).ToList();

        Assert.Equal(confidences.OrderDescending(), confidences);
        Assert.Equal(1.0, confidences[0]);
    }

    [Fact]
    public void Validate_WhenAContactNamesAnUnknownAccountOrIsAColleague_ReportsBoth()
    {
        var directory = TestData.Directory() with { Contacts = [new Contact("a@x.example", "acc-404"), new Contact(TestData.Colleague, "acc-northwind")] };

        var errors = directory.Validate();

        Assert.Contains(errors, e => e.Contains("acc-404", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("internal address", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rematch_WhenADomainIsMappedAfterTheFact_MovesItsActivitiesOutOfTheUnmatchedBucketAndRecountsAccounts()
    {
        var pipeline = new Pipeline();
        await pipeline.Scoring.ScoreAsync(TestData.Email("e1", "x@globex.example", [TestData.Ava]), CancellationToken.None);
        await pipeline.Scoring.ScoreAsync(TestData.Email("e2", "y@sales.globex.example", [TestData.Ava]), CancellationToken.None);
        await pipeline.Scoring.ScoreAsync(TestData.Email("e3", TestData.Ava, ["x@globex.example", TestData.FreeMail]), CancellationToken.None);
        await pipeline.Rollup.RunAsync(CancellationToken.None);

        var before = await pipeline.Unmatched.ListAsync(TestData.Tenant, Monday, Monday, CancellationToken.None);
        Assert.Equal([new UnmatchedDomain("globex.example", 2, 1, T(10)), new UnmatchedDomain("sales.globex.example", 1, 1, T(10))], before);
        Assert.Equal(0, Rep(pipeline).UniqueAccounts);

        var directory = TestData.Directory();
        await pipeline.Stores.SaveAsync(directory with { Accounts = [.. directory.Accounts, new Account("acc-globex", "Globex", ["globex.example"])] }, CancellationToken.None);
        var report = await pipeline.Rematch.RunAsync(TestData.Tenant, Monday, CancellationToken.None);
        var again = await pipeline.Rematch.RunAsync(TestData.Tenant, Monday, CancellationToken.None);
        await pipeline.Rollup.RunAsync(CancellationToken.None);

        Assert.Equal(new RewriteReport(3, 3, 1), report);
        Assert.Equal(new RewriteReport(3, 0, 0), again);
        Assert.Empty(await pipeline.Unmatched.ListAsync(TestData.Tenant, Monday, Monday, CancellationToken.None));
        Assert.Equal(1, Rep(pipeline).UniqueAccounts);
        Assert.Equal(3, pipeline.Stores.ActivityCount);
    }

    private static DateTimeOffset T(int hour) => new(2026, 10, 5, hour, 0, 0, TimeSpan.Zero);

    private static DayKpis Rep(Pipeline pipeline) =>
        Assert.Single(pipeline.Stores.AllKpiRows(), r => r.Dimension == KpiDimension.Rep && r.Key == "rep-ava").Values;

    private static TenantDirectory DirectoryWithContacts() => TestData.Directory() with
    {
        // A contact who writes from a personal address, and a Northwind board member with a Fabrikam address.
        Contacts = [new Contact("pat@gmail.com", "acc-northwind") { Title = "CFO" }, new Contact("ceo@fabrikam.example", "acc-northwind")],
    };
}
