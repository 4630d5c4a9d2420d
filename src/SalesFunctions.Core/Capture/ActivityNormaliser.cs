using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Privacy;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Capture;

/// <summary>
/// Maps Graph item metadata to one <see cref="Activity"/>. Pure and independent of the mailbox the item was read
/// from, which is what makes the same email in two reps' mailboxes one activity.
/// </summary>
public static class ActivityNormaliser
{
    public static Normalised FromMessage(TenantDirectory directory, MessageMetadata message)
    {
        if (message.IsDraft)
        {
            return Normalised.Excluded(CaptureOutcome.Draft);
        }

        if (string.IsNullOrWhiteSpace(message.InternetMessageId))
        {
            return Normalised.Excluded(CaptureOutcome.NoMessageId);
        }

        // Sent time is the same in every copy; received time differs per mailbox by transport delay.
        if ((message.SentAt ?? message.ReceivedAt) is not { } occurredAt)
        {
            return Normalised.Excluded(CaptureOutcome.NoTime);
        }

        // Direction and every credit hang on the sender: a message whose From could not be read is neither sent nor
        // received by anyone (docs/kpis.md credits a received email only from an external sender).
        var id = ActivityIds.ForEmail(directory.TenantId, message.InternetMessageId);
        if (string.IsNullOrWhiteSpace(message.From?.Address))
        {
            return new Normalised(null, CaptureOutcome.NoSender, id);
        }

        var participants = Distinct(
            new[] { (message.From.Address, ParticipantRole.From) }
                .Concat(message.To.Select(a => (a.Address, ParticipantRole.To)))
                .Concat(message.Cc.Select(a => (a.Address, ParticipantRole.Cc)))
                .Select(p => Participant(directory, p.Address, p.Item2, declined: false)));
        var fromInternal = participants.FirstOrDefault(p => p.Role == ParticipantRole.From)?.IsInternal ?? false;
        return PrivacyFilter.Apply(directory.Privacy, new Activity(
            directory.TenantId,
            id,
            ActivityKind.Email,
            fromInternal ? ActivityDirection.Outbound : ActivityDirection.Inbound,
            occurredAt.ToUniversalTime(),
            EndsAt: null,
            message.ConversationId,
            participants,
            message.Subject,
            Sensitivity(message.Sensitivity))) with { Key = id };
    }

    public static Normalised FromEvent(TenantDirectory directory, EventMetadata calendarEvent)
    {
        if (calendarEvent.IsCancelled)
        {
            return Normalised.Excluded(CaptureOutcome.Cancelled);
        }

        // Out-of-office blocks and holidays are all-day; they are not selling time.
        if (calendarEvent.IsAllDay)
        {
            return Normalised.Excluded(CaptureOutcome.AllDay);
        }

        // A series master stands for the whole series; its occurrences are the meetings that happen.
        if (string.Equals(calendarEvent.Type, "seriesMaster", StringComparison.OrdinalIgnoreCase))
        {
            return Normalised.Excluded(CaptureOutcome.SeriesMaster);
        }

        if (string.IsNullOrWhiteSpace(calendarEvent.ICalUId))
        {
            return Normalised.Excluded(CaptureOutcome.NoMessageId);
        }

        if (calendarEvent.Start is not { } start)
        {
            return Normalised.Excluded(CaptureOutcome.NoTime);
        }

        var participants = Distinct(
            (calendarEvent.Organizer is null ? [] : new[] { Participant(directory, calendarEvent.Organizer.Address, ParticipantRole.Organizer, declined: false) })
                .Concat(calendarEvent.Attendees.Select(a => Participant(directory, a.Address, ParticipantRole.Attendee,
                    declined: string.Equals(a.Response, "declined", StringComparison.OrdinalIgnoreCase)))));
        var organizerInternal = participants.FirstOrDefault(p => p.Role == ParticipantRole.Organizer)?.IsInternal ?? false;
        var id = ActivityIds.ForMeeting(directory.TenantId, calendarEvent.ICalUId);
        return PrivacyFilter.Apply(directory.Privacy, new Activity(
            directory.TenantId,
            id,
            ActivityKind.Meeting,
            organizerInternal ? ActivityDirection.Outbound : ActivityDirection.Inbound,
            start.ToUniversalTime(),
            calendarEvent.End?.ToUniversalTime(),
            ConversationId: null,
            participants,
            calendarEvent.Subject,
            Sensitivity(calendarEvent.Sensitivity))) with { Key = id };
    }

    /// <summary>Graph's values are lower camel case; one form keeps stored values and policy comparisons stable.</summary>
    private static string? Sensitivity(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    private static Participant Participant(TenantDirectory directory, string address, ParticipantRole role, bool declined)
    {
        var email = EmailAddresses.Normalise(address);
        return new Participant(email, role, directory.IsInternal(email), declined);
    }

    /// <summary>One entry per address, keeping its first (strongest) role, in a stable order.</summary>
    private static List<Participant> Distinct(IEnumerable<Participant> participants) =>
        participants.Where(p => p.Email.Length > 0).DistinctBy(p => p.Email, StringComparer.Ordinal).ToList();
}
