using SalesFunctions.Cli.Backfill;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Host.Tests.Backfill;

public sealed class MailExportReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("salesfunctions-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Read_WhenMboxFromTakeout_ReadsEveryMessageWithBracketedIdsDatesAndDrafts()
    {
        var mbox = Write("all.mbox", """
            From 1@xxx Mon Oct 05 09:00:00 +0000 2026
            Message-ID: <a1@acme.example>
            Date: Mon, 05 Oct 2026 09:00:00 +0000
            From: Kim <kim@acme.example>
            To: ava@contoso-sales.example, "Bo" <bo@contoso-sales.example>
            Subject: Pricing

            Hello
            From 2@xxx Mon Oct 05 10:00:00 +0000 2026
            Message-ID: <a2@contoso-sales.example>
            In-Reply-To: <a1@acme.example>
            References: <a1@acme.example>
            Date: Mon, 05 Oct 2026 10:00:00 +0000
            From: ava@contoso-sales.example
            To: kim@acme.example
            X-Gmail-Labels: Sent,Draft
            Subject: RE: Pricing

            Reply
            """);

        var messages = MailExportReader.Read([mbox], (_, e) => throw e).ToList();

        Assert.Equal(["<a1@acme.example>", "<a2@contoso-sales.example>"], messages.Select(m => m.MessageId));
        Assert.Equal(["ava@contoso-sales.example", "bo@contoso-sales.example"], messages[0].To);
        Assert.Equal(new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero), messages[0].Date);
        Assert.Equal(("<a1@acme.example>", true), (messages[1].InReplyTo, messages[1].IsDraft));
        Assert.Equal(["<a1@acme.example>"], messages[1].References);
    }

    [Fact]
    public void Read_WhenEmlHasSensitivityOrListHeaders_MarksThemAndThePolicyExcludesThem()
    {
        var directory = new TenantDirectory("tenant-a", ["contoso-sales.example"], "UTC", [], [], []);
        Write("private.eml", Eml("p1", "Sensitivity: Private"));
        Write("newsletter.eml", Eml("n1", "List-Unsubscribe: <mailto:leave@acme.example>"));
        Write("plain.eml", Eml("k1", "X-Nothing: 1"));
        Write("ignored.txt", "not mail");

        var outcomes = MailExportReader.Read([_folder], (_, e) => throw e)
            .ToDictionary(m => m.MessageId!, m => BackfillService.Normalise(directory, m, "bf-x").Outcome);

        Assert.Equal(3, outcomes.Count);
        Assert.Equal(CaptureOutcome.Sensitive, outcomes["<p1@acme.example>"]);
        Assert.Equal(CaptureOutcome.AutomatedSender, outcomes["<n1@acme.example>"]);
        Assert.Equal(CaptureOutcome.Queued, outcomes["<k1@acme.example>"]);
    }

    [Fact]
    public void Join_WhenRepliesLackHeaders_JoinsBySubjectAndPeopleWithinAMonthAndIgnoresFileOrder()
    {
        var start = new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
        ExportedMessage Message(string id, string subject, int days, string? inReplyTo = null, string to = "kim@acme.example") =>
            new(id, id, inReplyTo, [], start.AddDays(days), "ava@contoso-sales.example", [to], [], subject, null, false, false);
        var messages = new[]
        {
            Message("<1>", "Pricing", 0),
            Message("<2>", "RE: Pricing", 1),                        // no headers: joins <1>
            Message("<3>", "Re: pricing", 2, inReplyTo: "<2>"),      // header chain <3> → <2> → joined thread
            Message("<4>", "Pricing", 80),                           // same subject two months later: a new thread
            Message("<5>", "Pricing", 1, to: "lee@fabrikam.example"), // other people: a new thread
        };

        var (forward, joined) = ThreadJoiner.Join(messages);
        var (backward, _) = ThreadJoiner.Join(messages.Reverse().ToList());

        Assert.Equal(forward, backward);
        Assert.Equal(forward["<1>"], forward["<2>"]);
        Assert.Equal(forward["<1>"], forward["<3>"]);
        Assert.NotEqual(forward["<1>"], forward["<4>"]);
        Assert.NotEqual(forward["<1>"], forward["<5>"]);
        Assert.Equal(1, joined);
    }

    [Fact]
    public void Read_WhenOneAddressOfAHeaderIsMalformed_KeepsTheOthersAndCountsTheUnreadable()
    {
        Write("dots.eml", """
            Message-ID: <d1@acme.example>
            Date: Mon, 05 Oct 2026 09:00:00 +0000
            From: "Presto, M" <m..presto@contoso-sales.example>
            To: kim@acme.example, <.ward@acme.example>, "Lee" <lee@acme.example>
            Cc: ava@contoso-sales.example, not an address at all, bo@contoso-sales.example
            Subject: Pricing

            Body
            """);

        var message = Assert.Single(MailExportReader.Read([_folder], (_, e) => throw e));

        Assert.Equal("m..presto@contoso-sales.example", message.From);
        Assert.Contains("kim@acme.example", message.To);
        Assert.Contains("lee@acme.example", message.To);
        Assert.Equal(["ava@contoso-sales.example", "bo@contoso-sales.example"], message.Cc);
        Assert.InRange(message.UnreadableAddresses, 1, 2);
    }

    [Fact]
    public void Read_WhenFolderHoldsMessageFilesNamedByNumber_ReadsThemAndReportsFilesThatAreNotMessages()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "ava", "inbox"));
        Write(Path.Combine("ava", "inbox", "1."), Eml("n1", "X-Folder: inbox"));
        Write(Path.Combine("ava", "inbox", "2."), Eml("n2", "X-Folder: inbox"));
        Write(Path.Combine("ava", "inbox", "notes"), "shopping list: milk, eggs");
        var notMessages = new List<string>();

        var messages = MailExportReader.Read([_folder], (_, e) => throw e, notMessages.Add).ToList();

        Assert.Equal(["<n1@acme.example>", "<n2@acme.example>"], messages.Select(m => m.MessageId));
        Assert.Equal([Path.Combine(_folder, "ava", "inbox", "notes")], notMessages);
    }

    [Fact]
    public void WithoutCopies_WhenOneMessageSitsInTwoFoldersUnderTwoIds_KeepsOneAndThreadJoiningSeesNoReply()
    {
        var at = new DateTimeOffset(2001, 5, 3, 9, 0, 0, TimeSpan.Zero);
        ExportedMessage Copy(string id, string to = "kim@acme.example", int minutes = 0) =>
            new($"folder/{id}", id, null, [], at.AddMinutes(minutes), "ava@contoso-sales.example", [to, "bo@contoso-sales.example"], [], "Pricing", null, false, false);
        var messages = new[] { Copy("<inbox-copy>"), Copy("<sent-copy>"), Copy("<other-people>", to: "lee@acme.example"), Copy("<later>", minutes: 5) };

        var (_, joinedWithCopies) = ThreadJoiner.Join(messages);
        var unique = MessageCopies.WithoutCopies(messages);
        var (_, joinedWithout) = ThreadJoiner.Join(unique);

        Assert.Equal(["<inbox-copy>", "<later>", "<other-people>"], unique.Select(m => m.MessageId));
        Assert.Equal(2, joinedWithCopies);
        Assert.Equal(1, joinedWithout);
        Assert.DoesNotContain("Pricing", MessageCopies.Key(messages[0]), StringComparison.Ordinal);
    }

    private static string Eml(string id, string header) => $"""
        Message-ID: <{id}@acme.example>
        Date: Mon, 05 Oct 2026 09:00:00 +0000
        From: kim@acme.example
        To: ava@contoso-sales.example
        {header}
        Subject: Hello

        Body
        """;

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content.ReplaceLineEndings("\n") + "\n");
        return path;
    }
}
