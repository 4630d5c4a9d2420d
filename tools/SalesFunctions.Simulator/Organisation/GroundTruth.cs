using System.Globalization;

namespace SalesFunctions.Simulator.Organisation;

/// <summary>
/// What the pipeline must report, computed straight from the generated organisation by the counting rules in
/// docs/contracts.md, independently of the product's code.
/// </summary>
public static class GroundTruth
{
    private static readonly HashSet<string> FreeMail = new(StringComparer.OrdinalIgnoreCase) { "gmail.com", "outlook.com", "yahoo.com" };

    /// <summary>
    /// Per rep id, per UTC day (yyyy-MM-dd), for the emails, meetings and calls given (those played so far). A call counts
    /// once however many places recorded it, on the day it started, when a customer was on it and it was no meeting.
    /// </summary>
    public static Dictionary<string, Dictionary<string, DayCounts>> Compute(
        DemoOrganisation org, IEnumerable<SimEmail> emails, IEnumerable<SimMeeting> meetings, IEnumerable<Calls.SimCall>? calls = null)
    {
        var accountByDomain = org.Accounts.SelectMany(a => a.Domains.Select(d => (d, a.Id))).ToDictionary(x => x.d, x => x.Id, StringComparer.OrdinalIgnoreCase);
        var repsByEmail = org.Reps.ToDictionary(r => r.Email, StringComparer.OrdinalIgnoreCase);
        var credits = new List<(string RepId, string Day, string Kind, int Minutes, IEnumerable<SimPerson> Participants)>();

        foreach (var email in emails.Where(e => !e.IsDraft && e.Everyone.Any(p => !p.Internal)))
        {
            var day = Day(email.SentAt);
            if (email.From.Internal && repsByEmail.TryGetValue(email.From.Email, out var sender))
            {
                credits.Add((sender.RepId!, day, "sent", 0, email.Everyone));
            }

            if (!email.From.Internal)
            {
                foreach (var rep in email.To.Concat(email.Cc).Select(p => repsByEmail.GetValueOrDefault(p.Email)).OfType<SimPerson>().Distinct())
                {
                    credits.Add((rep.RepId!, day, "received", 0, email.Everyone));
                }
            }
        }

        foreach (var meeting in meetings.Where(m => !m.IsCancelled && m.Everyone.Any(p => !p.Internal)))
        {
            var minutes = (int)(meeting.End - meeting.Start).TotalMinutes;
            var attending = meeting.Attendees.Where(a => a.Response != "declined").Select(a => a.Person).Prepend(meeting.Organizer);
            foreach (var rep in attending.Select(p => repsByEmail.GetValueOrDefault(p.Email)).OfType<SimPerson>().Distinct())
            {
                credits.Add((rep.RepId!, Day(meeting.Start), "meeting", minutes, meeting.Everyone));
            }
        }

        foreach (var call in (calls ?? []).Where(c => c.Counts))
        {
            credits.Add((call.Rep.RepId!, Day(call.Start), "call", call.Minutes, [call.Rep, call.Other]));
        }

        return credits.GroupBy(c => c.RepId).ToDictionary(
            rep => rep.Key,
            rep => rep.GroupBy(c => c.Day).ToDictionary(
                day => day.Key,
                day => new DayCounts(
                    day.Key,
                    day.Count(c => c.Kind == "sent"),
                    day.Count(c => c.Kind == "received"),
                    day.Count(c => c.Kind == "meeting"),
                    day.Where(c => c.Kind == "meeting").Sum(c => c.Minutes),
                    day.SelectMany(c => c.Participants).Where(p => !p.Internal).Select(p => AccountOf(p.Email, accountByDomain)).OfType<string>().Distinct().Count(),
                    day.Count(c => c.Kind == "call"),
                    day.Where(c => c.Kind == "call").Sum(c => c.Minutes))));
    }

    private static string? AccountOf(string email, Dictionary<string, string> accountByDomain)
    {
        var domain = email[(email.LastIndexOf('@') + 1)..];
        if (FreeMail.Contains(domain))
        {
            return null;
        }

        for (; domain.Contains('.', StringComparison.Ordinal); domain = domain[(domain.IndexOf('.', StringComparison.Ordinal) + 1)..])
        {
            if (accountByDomain.TryGetValue(domain, out var account))
            {
                return account;
            }
        }

        return null;
    }

    private static string Day(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
