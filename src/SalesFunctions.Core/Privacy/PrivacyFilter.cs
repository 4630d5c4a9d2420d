using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Capture;

namespace SalesFunctions.Core.Privacy;

/// <summary>
/// Applies a privacy policy to one candidate activity. Pure and idempotent (applying it to its own output changes
/// nothing), so the same function filters new items at capture, re-checks them at scoring, and judges stored history
/// for a dry run or a purge.
/// </summary>
public static partial class PrivacyFilter
{
    public const string HashPrefix = "sha256:";

    public static Normalised Apply(PrivacyPolicy policy, Activity candidate)
    {
        if (candidate.Sensitivity is { } sensitivity
            && policy.ExcludedSensitivities.Contains(sensitivity, StringComparer.OrdinalIgnoreCase))
        {
            return Normalised.Excluded(CaptureOutcome.Sensitive);
        }

        if (policy.ExcludeAutomatedSenders
            && candidate.Participants.FirstOrDefault(p => p.Role is ParticipantRole.From or ParticipantRole.Organizer) is { } sender
            && IsAutomated(policy, sender.Email))
        {
            return Normalised.Excluded(CaptureOutcome.AutomatedSender);
        }

        if (candidate.Participants.Any(p => policy.ExcludedAddresses.Contains(p.Email, StringComparer.OrdinalIgnoreCase)
            || (p.Phone is { } phone && policy.ExcludedNumbers.Contains(phone, StringComparer.Ordinal))))
        {
            return Normalised.Excluded(CaptureOutcome.ExcludedAddress);
        }

        if (candidate.Participants.Any(p => policy.ExcludedDomains.Any(d => EmailAddresses.IsWithin(p.Domain, d))))
        {
            return Normalised.Excluded(CaptureOutcome.ExcludedDomain);
        }

        var participants = policy.ExcludePersonalDomains
            ? candidate.Participants.Where(p => p.IsInternal || !policy.IsPersonalDomain(p.Email)).ToList()
            : candidate.Participants;
        if (!participants.Any(p => !p.IsInternal))
        {
            var hadExternals = candidate.Participants.Any(p => !p.IsInternal);
            if (hadExternals)
            {
                return Normalised.Excluded(CaptureOutcome.PersonalOnly);
            }

            if (policy.ExcludeInternalOnly)
            {
                return Normalised.Excluded(CaptureOutcome.InternalOnly);
            }
        }

        var kept = candidate with
        {
            Participants = participants.Count == candidate.Participants.Count ? candidate.Participants : participants,
            Subject = Subject(policy, candidate),
        };
        return new Normalised(kept, CaptureOutcome.Queued);
    }

    /// <summary>
    /// Thread replies and forwards share a subject once "RE:", "Fwd:" and the like are stripped; backfill joins
    /// threads by it, and a hashed subject hashes this form so that the whole thread shares one hash.
    /// </summary>
    public static string NormaliseSubject(string subject) =>
        WhiteSpace().Replace(ReplyPrefixes().Replace(subject.Trim(), string.Empty), " ").Trim().ToLowerInvariant();

    private static string? Subject(PrivacyPolicy policy, Activity candidate) => policy.Subject switch
    {
        _ when candidate.Subject is null => null,
        SubjectCapture.On => candidate.Subject,
        SubjectCapture.Hashed when candidate.Subject.StartsWith(HashPrefix, StringComparison.Ordinal) => candidate.Subject,

        // Keyed by tenant so that the same subject in two tenants gives unrelated values; it groups, it does not hide a
        // guessable subject from someone who holds the tenant id, which is why Off is the default.
        SubjectCapture.Hashed => HashPrefix + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(candidate.TenantId), Encoding.UTF8.GetBytes(NormaliseSubject(candidate.Subject)))),
        _ => null,
    };

    private static bool IsAutomated(PrivacyPolicy policy, string email)
    {
        var at = email.LastIndexOf('@');
        var local = at < 0 ? email : email[..at];
        return policy.AutomatedSenderPatterns.Any(pattern =>
            local.StartsWith(pattern, StringComparison.OrdinalIgnoreCase)
            && (local.Length == pattern.Length || local[pattern.Length] is '-' or '_' or '.' or '+' || char.IsAsciiDigit(local[pattern.Length])));
    }

    [GeneratedRegex(@"^((re|fw|fwd|aw|wg|sv|vs|tr|rif|antw)\s*(\[\d+\])?\s*:\s*)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyPrefixes();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
