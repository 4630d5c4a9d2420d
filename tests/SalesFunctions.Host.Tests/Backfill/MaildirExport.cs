using MimeKit;
using SalesFunctions.Simulator.Organisation;

namespace SalesFunctions.Host.Tests.Backfill;

/// <summary>
/// Writes the simulator's emails as every mailbox would export them to maildir: each sender's copy in .Sent, each
/// recipient's in the inbox, drafts flagged D in .Drafts. Replies carry References and In-Reply-To, except every
/// third one, as some clients and exports drop them.
/// </summary>
internal static class MaildirExport
{
    public static int Write(string root, DemoOrganisation organisation)
    {
        var mailboxes = organisation.Reps.Concat(organisation.Colleagues).Select(p => p.Email).ToHashSet(StringComparer.Ordinal);
        var firstOfConversation = new Dictionary<string, SimEmail>(StringComparer.Ordinal);
        var previousOfConversation = new Dictionary<string, SimEmail>(StringComparer.Ordinal);
        var files = 0;
        var replies = 0;
        foreach (var email in organisation.Emails.OrderBy(e => e.SentAt))
        {
            var message = new MimeMessage { MessageId = email.InternetMessageId.Trim('<', '>'), Date = email.SentAt, Subject = email.Subject };
            message.From.Add(MailboxAddress.Parse(email.From.Email));
            message.To.AddRange(email.To.Select(p => MailboxAddress.Parse(p.Email)));
            message.Cc.AddRange(email.Cc.Select(p => MailboxAddress.Parse(p.Email)));
            message.Body = new TextPart("plain") { Text = "Exported body; the backfill never reads it." };
            if (firstOfConversation.TryGetValue(email.ConversationId, out var first) && ++replies % 3 != 0)
            {
                message.References.Add(first.InternetMessageId.Trim('<', '>'));
                message.InReplyTo = previousOfConversation[email.ConversationId].InternetMessageId.Trim('<', '>');
            }

            firstOfConversation.TryAdd(email.ConversationId, email);
            previousOfConversation[email.ConversationId] = email;

            var owners = email.IsDraft
                ? [(email.From.Email, ".Drafts", "DS")]
                : new[] { (email.From.Email, ".Sent", "S") }.Concat(email.To.Concat(email.Cc).Select(p => (p.Email, "", "S")));
            foreach (var (owner, folder, flags) in owners.Where(o => mailboxes.Contains(o.Item1)).Distinct())
            {
                var directory = Path.Combine(root, owner.Split('@')[0], folder, "cur");
                Directory.CreateDirectory(directory);
                message.WriteTo(Path.Combine(directory, $"{email.SentAt.ToUnixTimeSeconds()}.{files++}.export:2,{flags}"));
            }
        }

        return files;
    }
}
