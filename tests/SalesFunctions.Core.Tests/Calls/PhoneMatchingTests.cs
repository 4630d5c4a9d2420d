using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Privacy;
using SalesFunctions.Core.Scoring;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Tests.Calls;

/// <summary>Numbers in E.164 through libphonenumber, matched to directory contacts; the rest stay unmatched by number.</summary>
public sealed class PhoneMatchingTests
{
    private static TenantDirectory Directory(string? region = "US") => TestData.Directory() with
    {
        PhoneRegion = region,
        Contacts = [new Contact(TestData.Kim, "acc-northwind") { Phones = ["(415) 555-0123", "+44 20 7946 0000"] }],
    };

    [Theory]
    [InlineData("+1 (415) 555-0123", "US", "+14155550123")]
    [InlineData("415.555.0123", "US", "+14155550123")]
    [InlineData("tel:+14155550123", null, "+14155550123")]
    [InlineData("0044 20 7946 0000", "DE", "+442079460000")]
    [InlineData("020 7946 0000", "GB", "+442079460000")]
    [InlineData("415 555 0123", null, null)]
    [InlineData("call me", "US", null)]
    [InlineData("12", "US", null)]
    public void Normalise_WhenWrittenAnyWay_GivesE164OrNull(string raw, string? region, string? expected)
    {
        Assert.Equal(expected, E164Numbers.Normalise(raw, region));
    }

    [Fact]
    public void MatchAccounts_WhenTheNumberIsAContacts_BecomesTheContactAtTheirAccount()
    {
        var directory = Directory();
        var call = Call(directory, "+442079460000");

        var matched = ScoringService.MatchAccounts(directory, call).Participants.Single(p => !p.IsInternal);

        Assert.Equal((TestData.Kim, "acc-northwind", (AccountMatchMethod?)AccountMatchMethod.Phone, "+442079460000"), (matched.Email, matched.AccountId, matched.MatchedBy, matched.Phone));
    }

    [Fact]
    public void MatchAccounts_WhenNoContactHasTheNumber_StaysKeyedByNumberAndUnmatched_AndARematchAfterTheContactLeavesRestoresIt()
    {
        var directory = Directory();
        var matched = ScoringService.MatchAccounts(directory, Call(directory, "+14155550123"));

        var rematched = ScoringService.MatchAccounts(directory with { Contacts = [] }, matched).Participants.Single(p => !p.IsInternal);
        var stranger = ScoringService.MatchAccounts(directory, Call(directory, "+16505550199")).Participants.Single(p => !p.IsInternal);

        Assert.Equal(("tel:+14155550123", (string?)null), (rematched.Email, rematched.AccountId));
        Assert.Equal(("tel:+16505550199", (string?)null, (AccountMatchMethod?)null), (stranger.Email, stranger.AccountId, stranger.MatchedBy));
    }

    [Fact]
    public void MatchAccounts_WhenALoggedContactsNumberIsNoDirectoryContacts_KeepsTheAddressAndMatchesItByDomain()
    {
        var directory = Directory();
        var call = Call(directory, "+16505550199") with
        {
            Participants = [new Participant(TestData.Ava, ParticipantRole.Organizer, true), new Participant(TestData.Lee, ParticipantRole.Attendee, false, Phone: "+16505550199")],
        };

        var matched = ScoringService.MatchAccounts(directory, call).Participants.Single(p => !p.IsInternal);

        Assert.Equal((TestData.Lee, "acc-fabrikam", (AccountMatchMethod?)AccountMatchMethod.ParentDomain), (matched.Email, matched.AccountId, matched.MatchedBy));
    }

    [Fact]
    public void Validate_WhenARegionOrAContactNumberCannotBeRead_NamesIt()
    {
        var errors = (Directory("XX") with { Contacts = [new Contact(TestData.Kim, "acc-northwind") { Phones = ["ext. 12"] }] }).Validate();

        Assert.Contains(errors, e => e.Contains("phoneRegion 'XX'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("not a possible number", StringComparison.Ordinal));
        Assert.Contains((PrivacyPolicy.Default with { ExcludedNumbers = ["415 555 0123"] }).Validate(), e => e.Contains("E.164", StringComparison.Ordinal));
    }

    private static Activity Call(TenantDirectory directory, string number) =>
        new(TestData.Tenant, "c", ActivityKind.Call, ActivityDirection.Outbound, DateTimeOffset.UnixEpoch, null, null,
            [new Participant(TestData.Ava, ParticipantRole.Organizer, true), CallNormaliser.PhoneParticipant(directory, number, ParticipantRole.Attendee)!]);
}
