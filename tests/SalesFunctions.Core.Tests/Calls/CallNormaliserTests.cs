using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Privacy;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Tests.Calls;

/// <summary>
/// Teams call records and PSTN rows as metadata. The record of the Graph docs' "Get callRecord" example 3
/// (participants_v2: Abbie Wilkins and Owen Franklin, both of contoso.com) is a call between colleagues; the phone and
/// guest participants are built from the documented communicationsIdentitySet schema, since no example with them is
/// published (docs/calls.md).
/// </summary>
public sealed class CallNormaliserTests
{
    private const string AbbieId = "821809f5-0000-0000-0000-3b5136c0e777";
    private const string GraphTenant = "dc368399-474c-4d40-900c-6265431fd81f";
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2020-02-25T18:52:21.2169889Z", System.Globalization.CultureInfo.InvariantCulture);

    private static TenantDirectory Directory() => new TenantDirectory(
        TestData.Tenant, ["contoso.com"], "UTC", [new Team("t", "T")],
        [new Rep("rep-abbie", "abbie@contoso.com", "Abbie", "t") { UserId = AbbieId }],
        [new Account("acc-northwind", "Northwind", ["northwind.example"])])
    {
        PhoneRegion = "US",
        Contacts = [new Contact("kim@northwind.example", "acc-northwind") { Phones = ["(415) 555-0123"] }],
    };

    private static CallRecordMetadata DocsExample(params CallIdentity[] others) => new(
        "e523d2ed-2966-4b6b-925b-754a88034cc5", "peerToPeer", ["audio"], Start, DateTimeOffset.Parse("2020-02-25T18:52:46.7640013Z", System.Globalization.CultureInfo.InvariantCulture), null,
        new CallIdentity(CallIdentityKind.User, AbbieId, null, GraphTenant),
        [new CallIdentity(CallIdentityKind.User, AbbieId, "abbie.wilkins@contoso.com", GraphTenant), .. others]);

    [Fact]
    public void FromCallRecord_WhenTheDocsExampleBetweenColleagues_IsAnInternalCallOfTheRepByObjectId()
    {
        var result = CallNormaliser.FromCallRecord(Directory() with { Privacy = PrivacyPolicy.Default with { ExcludeInternalOnly = false } },
            DocsExample(new CallIdentity(CallIdentityKind.User, "f69e2c00-0000-0000-0000-185e5f5f5d8a", "owen.franklin@contoso.com", GraphTenant)));

        var call = result.Activity!;
        Assert.Equal((ActivityKind.Call, ActivityDirection.Outbound, "teams", Start), (call.Kind, call.Direction, call.CallSource, call.OccurredAt));
        Assert.Equal([("abbie@contoso.com", true), ("owen.franklin@contoso.com", true)], call.Participants.Select(p => (p.Email, p.IsInternal)));
        Assert.Equal(0, call.DurationMinutes);
        Assert.Empty(call.Externals);
    }

    [Fact]
    public void FromCallRecord_WhenInternalOnlyUnderTheDefaultPolicy_IsNotCaptured()
    {
        var result = CallNormaliser.FromCallRecord(Directory(),
            DocsExample(new CallIdentity(CallIdentityKind.User, "f69e2c00-0000-0000-0000-185e5f5f5d8a", "owen.franklin@contoso.com", GraphTenant)));

        Assert.Equal(CaptureOutcome.InternalOnly, result.Outcome);
    }

    [Fact]
    public void FromCallRecord_WhenAPhoneAGuestAndAFederatedUserJoin_KeysThemByNumberEntraIdAndUpn()
    {
        var call = CallNormaliser.FromCallRecord(Directory(), DocsExample(
            new CallIdentity(CallIdentityKind.Phone, "+1 415-555-0123"),
            new CallIdentity(CallIdentityKind.Guest, "7E1C0000-0000-0000-0000-00000000AAAA"),
            new CallIdentity(CallIdentityKind.User, "aa000000-0000-0000-0000-000000000001", "Lee@Fabrikam.example", "other-tenant"),
            new CallIdentity(CallIdentityKind.User, "bb000000-0000-0000-0000-000000000002", null, GraphTenant),
            new CallIdentity(CallIdentityKind.Other, "bot"))).Activity!;

        Assert.Equal(
            [("abbie@contoso.com", true, (string?)null), ("tel:+14155550123", false, "+14155550123"), ("entra:7e1c0000-0000-0000-0000-00000000aaaa", false, null),
             ("lee@fabrikam.example", false, null), ("entra:bb000000-0000-0000-0000-000000000002", true, null)],
            call.Participants.Select(p => (p.Email, p.IsInternal, p.Phone)));
    }

    [Theory]
    [InlineData("https://teams.microsoft.com/l/meetup-join/19%3ameeting", "audio", CaptureOutcome.OnlineMeeting)]
    [InlineData(null, "screenSharing", CaptureOutcome.NotACall)]
    [InlineData(null, "video", CaptureOutcome.Queued)]
    public void FromCallRecord_WhenAMeetingOrNoVoice_IsNoCall(string? joinUrl, string modality, CaptureOutcome expected)
    {
        var record = DocsExample(new CallIdentity(CallIdentityKind.Phone, "+14155550123")) with { JoinWebUrl = joinUrl, Modalities = [modality] };

        Assert.Equal(expected, CallNormaliser.FromCallRecord(Directory(), record).Outcome);
    }

    [Theory]
    [InlineData("user_out", ActivityDirection.Outbound, "+14155550123")]
    [InlineData("user_in", ActivityDirection.Inbound, "+442079460000")]
    public void FromPstnRow_WhenOutboundOrInbound_TheCustomerIsTheCalleeOrTheCaller(string type, ActivityDirection direction, string customer)
    {
        var row = new PstnCallRow("1f5b0000", AbbieId, "abbie@contoso.com", type, Start, null,
            type == "user_out" ? "+12065550100" : customer, type == "user_out" ? customer : "+12065550100", 125);

        var call = CallNormaliser.FromPstnRow(Directory(), row).Activity!;

        Assert.Equal((direction, "pstn", (bool?)true, 2), (call.Direction, call.CallSource, call.Connected, call.DurationMinutes));
        Assert.Equal(["abbie@contoso.com", "tel:" + customer], call.Participants.Select(p => p.Email));
    }

    [Fact]
    public void FromPstnRow_WhenAnAudioConferenceLegOrUnanswered_IsNoCallOrNotConnected()
    {
        var conference = new PstnCallRow("c", AbbieId, null, "conf_in", Start, null, "+14155550123", "+12065550100", 600);
        var unanswered = conference with { CallType = "user_out", DurationSeconds = 0 };

        Assert.Equal(CaptureOutcome.NotACall, CallNormaliser.FromPstnRow(Directory(), conference).Outcome);
        Assert.Equal(false, CallNormaliser.FromPstnRow(Directory(), unanswered).Activity!.Connected);
        Assert.NotEqual(CallNormaliser.FromPstnRow(Directory(), unanswered).Key, CallNormaliser.FromPstnRow(Directory(), unanswered with { Start = Start.AddHours(1) }).Key);
    }

    [Fact]
    public void FromPstnRow_WhenThePolicyExcludesTheNumber_IsNotCaptured()
    {
        var directory = Directory() with { Privacy = PrivacyPolicy.Default with { ExcludedNumbers = ["+14155550123"] } };
        var row = new PstnCallRow("1", AbbieId, null, "user_out", Start, null, "+12065550100", "415 555 0123", 60);

        Assert.Equal(CaptureOutcome.ExcludedAddress, CallNormaliser.FromPstnRow(directory, row).Outcome);
    }
}
