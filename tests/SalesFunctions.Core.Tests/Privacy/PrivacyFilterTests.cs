using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Privacy;

namespace SalesFunctions.Core.Tests.Privacy;

public sealed class PrivacyFilterTests
{
    private static readonly PrivacyPolicy Strict = new()
    {
        ExcludedAddresses = ["kim@northwind.example"],
        ExcludedDomains = ["fabrikam.example"],
        ExcludePersonalDomains = true,
        PersonalDomains = ["family.example"],
    };

    public static TheoryData<string, string[], string?, CaptureOutcome> Cases => new()
    {
        // from, to, sensitivity, outcome under Strict
        { TestData.Ava, ["someone@acme.example"], null, CaptureOutcome.Queued },
        { TestData.Ava, ["someone@acme.example"], "normal", CaptureOutcome.Queued },
        { TestData.Ava, ["someone@acme.example"], "personal", CaptureOutcome.Queued },
        { TestData.Ava, ["someone@acme.example"], "private", CaptureOutcome.Sensitive },
        { TestData.Ava, ["someone@acme.example"], "confidential", CaptureOutcome.Sensitive },
        { TestData.Ava, [TestData.Kim], null, CaptureOutcome.ExcludedAddress },
        { TestData.Ava, ["KIM@Northwind.example"], null, CaptureOutcome.ExcludedAddress },
        { TestData.Ava, ["x@fabrikam.example"], null, CaptureOutcome.ExcludedDomain },
        { TestData.Ava, [TestData.Lee], null, CaptureOutcome.ExcludedDomain }, // eu.fabrikam.example is a subdomain
        { TestData.Ava, ["x@notfabrikam.example"], null, CaptureOutcome.Queued }, // a suffix is not a subdomain
        { TestData.Ava, [TestData.FreeMail], null, CaptureOutcome.PersonalOnly },
        { TestData.Ava, ["mum@family.example"], null, CaptureOutcome.PersonalOnly },
        { TestData.Ava, [TestData.Bo], null, CaptureOutcome.InternalOnly },
        { "noreply@acme.example", [TestData.Ava], null, CaptureOutcome.AutomatedSender },
        { "no-reply+billing@acme.example", [TestData.Ava], null, CaptureOutcome.AutomatedSender },
        { "notifications2@acme.example", [TestData.Ava], null, CaptureOutcome.AutomatedSender },
        { "noreen@acme.example", [TestData.Ava], null, CaptureOutcome.Queued }, // a name, not a pattern
        { TestData.Ava, ["noreply@acme.example"], null, CaptureOutcome.Queued }, // only the sender marks automation
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_WhenStrictPolicy_ExcludesByTheDocumentedRule(string from, string[] to, string? sensitivity, CaptureOutcome expected)
    {
        var result = PrivacyFilter.Apply(Strict, TestData.Email("e1", from, to) with { Sensitivity = sensitivity });

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(expected == CaptureOutcome.Queued, result.Activity is not null);
    }

    [Fact]
    public void Apply_WhenDefaultPolicy_KeepsFreeMailAndDropsInternalOnlyAndPrivate()
    {
        var policy = PrivacyPolicy.Default;

        Assert.Equal(CaptureOutcome.Queued, PrivacyFilter.Apply(policy, TestData.Email("e1", TestData.Ava, [TestData.FreeMail])).Outcome);
        Assert.Equal(CaptureOutcome.InternalOnly, PrivacyFilter.Apply(policy, TestData.Email("e1", TestData.Ava, [TestData.Bo])).Outcome);
        Assert.Equal(CaptureOutcome.Sensitive, PrivacyFilter.Apply(policy, TestData.Email("e1", TestData.Ava, [TestData.Kim]) with { Sensitivity = "private" }).Outcome);
        Assert.Equal(CaptureOutcome.Queued, PrivacyFilter.Apply(policy with { ExcludeInternalOnly = false }, TestData.Email("e1", TestData.Ava, [TestData.Bo])).Outcome);
    }

    [Fact]
    public void Apply_WhenPersonalDomainsExcludedAndACustomerIsAlsoPresent_DropsOnlyThePersonalAddress()
    {
        var result = PrivacyFilter.Apply(Strict, TestData.Email("e1", TestData.Ava, ["buyer@acme.example", TestData.FreeMail]));

        Assert.Equal([TestData.Ava, "buyer@acme.example"], result.Activity!.Participants.Select(p => p.Email));
    }

    [Theory]
    [InlineData(SubjectCapture.Off, null)]
    [InlineData(SubjectCapture.On, "RE: Renewal 2027")]
    public void Apply_WhenSubjectOffOrOn_DropsOrKeepsTheText(SubjectCapture mode, string? expected) =>
        Assert.Equal(expected, PrivacyFilter.Apply(new PrivacyPolicy { Subject = mode }, TestData.Email("e1", TestData.Ava, [TestData.Kim]) with { Subject = "RE: Renewal 2027" }).Activity!.Subject);

    [Fact]
    public void Apply_WhenSubjectHashed_GivesOneHashPerThreadAndTenantAndNeverTheText()
    {
        var policy = new PrivacyPolicy { Subject = SubjectCapture.Hashed };
        string Hash(string subject, string tenant = TestData.Tenant) =>
            PrivacyFilter.Apply(policy, TestData.Email("e1", TestData.Ava, [TestData.Kim]) with { Subject = subject, TenantId = tenant }).Activity!.Subject!;

        Assert.StartsWith(PrivacyFilter.HashPrefix, Hash("Renewal 2027"));
        Assert.DoesNotContain("renewal", Hash("Renewal 2027"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Hash("Renewal 2027"), Hash("RE: Fwd:  renewal   2027"));
        Assert.NotEqual(Hash("Renewal 2027"), Hash("Renewal 2028"));
        Assert.NotEqual(Hash("Renewal 2027"), Hash("Renewal 2027", "tenant-b"));
    }

    [Fact]
    public void Apply_WhenAppliedToItsOwnOutput_ChangesNothing()
    {
        foreach (var mode in Enum.GetValues<SubjectCapture>())
        {
            var policy = Strict with { Subject = mode };
            var once = PrivacyFilter.Apply(policy, TestData.Email("e1", TestData.Ava, ["buyer@acme.example", TestData.FreeMail]) with { Subject = "Hello" }).Activity!;

            var twice = PrivacyFilter.Apply(policy, once).Activity!;

            Assert.True(once.SameContentAs(twice));
        }
    }

    [Fact]
    public void Validate_WhenEntriesAreMalformed_NamesEachOne()
    {
        var errors = new PrivacyPolicy { ExcludedAddresses = ["kim"], ExcludedDomains = ["@acme.example"], ExcludedSensitivities = ["secret"] }.Validate();

        Assert.Equal(3, errors.Count);
        Assert.Empty(Strict.Validate());
    }
}
