using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Scoring;

namespace SalesFunctions.Core.Privacy;

/// <summary>
/// A tenant's privacy policy: what capture never writes anywhere (docs/privacy.md). Defaults keep what sales KPIs
/// need and drop what they do not: internal-only mail, private and confidential items, automated senders, subjects.
/// </summary>
public sealed record PrivacyPolicy
{
    public static PrivacyPolicy Default { get; } = new();

    /// <summary>Items with any of these participants are not captured at all.</summary>
    public IReadOnlyList<string> ExcludedAddresses { get; init; } = [];

    /// <summary>Calls with any of these numbers (E.164, "+" and digits) are not captured at all; capture outcome ExcludedAddress.</summary>
    public IReadOnlyList<string> ExcludedNumbers { get; init; } = [];

    /// <summary>Items with a participant in one of these domains or their subdomains are not captured at all.</summary>
    public IReadOnlyList<string> ExcludedDomains { get; init; } = [];

    /// <summary>
    /// Drops participants at personal and free-mail domains (the built-in list plus <see cref="PersonalDomains"/>); an
    /// item left with no external participant is not captured. Off by default: many small customers use free mail.
    /// </summary>
    public bool ExcludePersonalDomains { get; init; }

    public IReadOnlyList<string> PersonalDomains { get; init; } = [];

    public bool ExcludeInternalOnly { get; init; } = true;

    /// <summary>Graph's sensitivity values (normal, personal, private, confidential) that are never captured.</summary>
    public IReadOnlyList<string> ExcludedSensitivities { get; init; } = ["private", "confidential"];

    public bool ExcludeAutomatedSenders { get; init; } = true;

    /// <summary>Local parts that mark an automated sender: "noreply" matches noreply@, noreply-billing@, noreply+x@.</summary>
    public IReadOnlyList<string> AutomatedSenderPatterns { get; init; } =
        ["noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "mailer-daemon", "postmaster", "bounce", "bounces", "notifications", "notification", "newsletter", "auto-confirm"];

    public SubjectCapture Subject { get; init; } = SubjectCapture.Off;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        errors.AddRange(ExcludedAddresses.Where(a => !a.Contains('@', StringComparison.Ordinal)).Select(a => $"excludedAddresses: '{a}' is not an address."));
        errors.AddRange(ExcludedNumbers.Where(n => E164Numbers.Normalise(n, null) != n).Select(n => $"excludedNumbers: '{n}' is not a number in E.164 form (+ country code and digits, e.g. +14155550100)."));
        errors.AddRange(ExcludedDomains.Concat(PersonalDomains).Where(d => d.Contains('@', StringComparison.Ordinal) || !d.Contains('.', StringComparison.Ordinal))
            .Select(d => $"'{d}' is not a domain (example.com, without @)."));
        errors.AddRange(ExcludedSensitivities.Where(s => !KnownSensitivities.Contains(s)).Select(s => $"excludedSensitivities: '{s}' is not one of normal, personal, private, confidential."));
        errors.AddRange(AutomatedSenderPatterns.Where(p => string.IsNullOrWhiteSpace(p) || p.Contains('@', StringComparison.Ordinal))
            .Select(p => $"automatedSenderPatterns: '{p}' must be a local part without @."));
        if (!Enum.IsDefined(Subject))
        {
            errors.Add("subject must be Off, Hashed or On.");
        }

        return errors;
    }

    internal bool IsPersonalDomain(string email) =>
        AccountMatcher.IsFreeMail(email) || PersonalDomains.Any(d => EmailAddresses.IsWithin(EmailAddresses.DomainOf(email), d));

    private static readonly HashSet<string> KnownSensitivities = new(StringComparer.OrdinalIgnoreCase) { "normal", "personal", "private", "confidential" };
}
