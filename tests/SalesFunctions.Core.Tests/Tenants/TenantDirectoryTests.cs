using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Scoring;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Tests.Tenants;

public sealed class TenantDirectoryTests
{
    [Theory]
    [InlineData("ava@contoso-sales.example", true)]
    [InlineData("ava@eu.contoso-sales.example", true)]
    [InlineData("ava@notcontoso-sales.example", false)]
    [InlineData("kim@northwind.example", false)]
    public void IsInternal_WhenDomainOrSubdomain_Matches(string email, bool expected) =>
        Assert.Equal(expected, TestData.Directory().IsInternal(email));

    [Fact]
    public void Credits_WhenMailReachesARepAtAnAlias_CountsForTheRepAndAliasesAreValidatedLikeAddresses()
    {
        var ava = new Rep("rep-ava", TestData.Ava, "Ava", "team-a") { Aliases = ["ava.stone@contoso-sales.example", "Ava@Old.Contoso-Sales.example"] };
        var directory = TestData.Directory() with { Reps = [ava, new Rep("rep-bo", TestData.Bo, "Bo", "team-a")] };
        var received = TestData.Email("e1", TestData.Kim, ["ava.stone@contoso-sales.example"]);
        var sent = TestData.Email("e2", "ava@old.contoso-sales.example", [TestData.Kim]);
        var clash = directory with { Reps = [ava, new Rep("rep-bo", TestData.Bo, "Bo", "team-a") { Aliases = ["AVA.STONE@contoso-sales.example", "bo@elsewhere.example"] }] };

        Assert.Equal([("rep-ava", ActivityCredits.CreditKind.Received)], ActivityCredits.Credits(directory, received).Select(c => (c.Rep.Id, c.Kind)));
        Assert.Equal([("rep-ava", ActivityCredits.CreditKind.Sent)], ActivityCredits.Credits(directory, sent).Select(c => (c.Rep.Id, c.Kind)));
        Assert.Empty(directory.Validate());
        Assert.Contains("rep address 'ava.stone@contoso-sales.example' appears more than once.", clash.Validate());
        Assert.Contains("rep 'rep-bo' has an address outside the internal domains.", clash.Validate());
    }

    [Theory]
    [InlineData("kim@northwind.example", "acc-northwind")]
    [InlineData("lee@eu.fabrikam.example", "acc-fabrikam")]
    [InlineData("lee@a.b.fabrikam-group.example", "acc-fabrikam")]
    [InlineData("x@fabrikam.example.org", null)]
    [InlineData("someone@gmail.com", null)]
    public void AccountMatcher_WhenDomainParentOrFreeMail_MatchesTheRightAccount(string email, string? expected) =>
        Assert.Equal(expected, AccountMatcher.Match(TestData.Directory(), email));

    [Fact]
    public void AccountMatcher_WhenAnAccountListsAFreeMailDomain_StillNeverMatchesIt()
    {
        var directory = TestData.Directory() with { Accounts = [new Account("acc-bad", "Bad", ["gmail.com"])] };

        Assert.Null(AccountMatcher.Match(directory, TestData.FreeMail));
    }

    [Theory]
    [InlineData("2026-10-24T22:30:00Z", "2026-10-25")]
    [InlineData("2026-10-25T22:30:00Z", "2026-10-25")]
    [InlineData("2026-10-25T23:30:00Z", "2026-10-26")]
    public void LocalDay_WhenAcrossTheDstChangeInBerlin_UsesTheTenantsDays(string instant, string expected)
    {
        // Berlin is UTC+2 until 25 Oct 2026 03:00, then UTC+1.
        var day = TestData.Directory("Europe/Berlin").LocalDay(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), day);
    }

    [Fact]
    public void Validate_WhenValid_HasNoErrors() => Assert.Empty(TestData.Directory().Validate());

    [Fact]
    public void Validate_WhenBroken_NamesEveryProblem()
    {
        var directory = TestData.Directory("Mars/Olympus") with
        {
            Reps = [new Rep("rep-1", "a@contoso-sales.example", "A", "team-x"), new Rep("rep-1", "b@elsewhere.example", "B", "team-a"), new Rep("rep/2", "A@contoso-sales.example", "C", "team-a")],
            Accounts = [new Account("acc-1", "One", ["one.example"]), new Account("acc-2", "Two", ["ONE.example"])],
        };

        var errors = string.Join("\n", directory.Validate());

        Assert.Contains("Mars/Olympus", errors, StringComparison.Ordinal);
        Assert.Contains("rep id 'rep-1' appears more than once", errors, StringComparison.Ordinal);
        Assert.Contains("rep address 'a@contoso-sales.example' appears more than once", errors, StringComparison.Ordinal);
        Assert.Contains("unknown team 'team-x'", errors, StringComparison.Ordinal);
        Assert.Contains("outside the internal domains", errors, StringComparison.Ordinal);
        Assert.Contains("domain 'one.example' belongs to more than one account", errors, StringComparison.Ordinal);
        Assert.Contains("id 'rep/2'", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void ActivityIds_WhenSameMessageIdInAnyCaseOrSpacing_AreEqualPerTenantAndKeySafe()
    {
        var id = ActivityIds.ForEmail("tenant-a", "<ABC@x.example>");

        Assert.Equal(id, ActivityIds.ForEmail("TENANT-A", "  <abc@X.example> "));
        Assert.NotEqual(id, ActivityIds.ForEmail("tenant-b", "<ABC@x.example>"));
        Assert.NotEqual(id, ActivityIds.ForMeeting("tenant-a", "<ABC@x.example>"));
        Assert.Matches("^em-[0-9a-f]{32}$", id);
    }
}
