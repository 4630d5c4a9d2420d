namespace SalesFunctions.Simulator.Organisation;

/// <summary>Generates the mail threads and meetings of the simulated days, in time order.</summary>
internal sealed class ActivityGenerator(DemoOrganisation org, Random random, SimulatorOptions options)
{
    private readonly List<SimEmail> _emails = [];
    private readonly List<SimMeeting> _meetings = [];
    private int _sequence;

    public (IReadOnlyList<SimEmail> Emails, IReadOnlyList<SimMeeting> Meetings) Generate()
    {
        // Each rep works a book of accounts; teams split the 200 accounts between their reps.
        var books = org.Reps.ToDictionary(r => r.RepId!, r => Enumerable.Range(0, 10)
            .Select(i => org.Accounts[(int.Parse(r.RepId![4..], System.Globalization.CultureInfo.InvariantCulture) * 9 + (i * 21)) % org.Accounts.Count]).ToList());
        for (var d = 0; d < options.Days; d++)
        {
            var day = options.FirstDay.AddDays(d);
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            foreach (var rep in org.Reps)
            {
                GenerateRepDay(rep, books[rep.RepId!], day);
            }
        }

        return (_emails.OrderBy(e => e.SentAt).ToList(), _meetings.OrderBy(m => m.Start).ToList());
    }

    private void GenerateRepDay(SimPerson rep, List<SimAccount> book, DateOnly day)
    {
        for (var t = 0; t < Scaled(3); t++)
        {
            Thread(rep, Pick(book), day);
        }

        // A new inbound request, sometimes to two reps, sometimes from a free-mail address.
        var sender = random.NextDouble() < 0.1 ? Pick(org.FreeMailContacts) : ContactOf(Pick(book));
        var recipients = random.NextDouble() < 0.15 ? new[] { rep, TeamMate(rep) } : [rep];
        Email(sender, recipients, [], At(day, 8, 16), "Question about pricing");

        // Internal-only mail and the odd draft: never activities.
        Email(rep, [Pick(org.Colleagues)], [], At(day, 8, 17), "Internal: forecast");
        if (random.NextDouble() < 0.2)
        {
            Email(rep, [ContactOf(Pick(book))], [], At(day, 8, 17), "Draft proposal", draft: true);
        }

        for (var m = 0; m < Scaled(random.NextDouble() < 0.5 ? 1 : 2); m++)
        {
            Meeting(rep, Pick(book), day);
        }

        if (random.NextDouble() < 0.1)
        {
            var start = At(day, 9, 16);
            _meetings.Add(new SimMeeting(NewId("ical"), "Pipeline review", rep,
                [new SimAttendee(Pick(org.Colleagues), "accepted")], start, start.AddMinutes(30), false));
        }
    }

    private void Thread(SimPerson rep, SimAccount account, DateOnly day)
    {
        var contact = ContactOf(account);
        var cc = random.NextDouble() < 0.2 ? new[] { TeamMate(rep) } : [];
        var to = random.NextDouble() < 0.3 ? new[] { contact, ContactOf(account) }.Distinct().ToArray() : [contact];
        var sent = At(day, 8, 15);
        var conversation = NewId("conv");
        Email(rep, to, cc, sent, $"Proposal for {account.Name}", conversation: conversation);
        if (random.NextDouble() < 0.6)
        {
            var reply = sent.AddMinutes(random.Next(20, 180));
            Email(contact, [rep], cc, reply, $"RE: Proposal for {account.Name}", conversation: conversation);
            if (random.NextDouble() < 0.3)
            {
                Email(rep, [contact], cc, reply.AddMinutes(random.Next(10, 90)), $"RE: RE: Proposal for {account.Name}", conversation: conversation);
            }
        }
    }

    private void Meeting(SimPerson rep, SimAccount account, DateOnly day)
    {
        var attendees = new List<SimAttendee> { new(ContactOf(account), "accepted") };
        if (random.NextDouble() < 0.4)
        {
            attendees.Add(new SimAttendee(ContactOf(account), random.NextDouble() < 0.2 ? "declined" : "tentativelyAccepted"));
        }

        if (random.NextDouble() < 0.25)
        {
            attendees.Add(new SimAttendee(TeamMate(rep), random.NextDouble() < 0.3 ? "declined" : "accepted"));
        }

        var start = At(day, 9, 16, wholeHalfHours: true);
        var minutes = new[] { 30, 45, 60 }[random.Next(3)];
        _meetings.Add(new SimMeeting(NewId("ical"), $"Discovery call: {account.Name}", rep,
            attendees.DistinctBy(a => a.Person.Email).ToList(), start, start.AddMinutes(minutes), IsCancelled: random.NextDouble() < 0.08));
    }

    private void Email(SimPerson from, IReadOnlyList<SimPerson> to, IReadOnlyList<SimPerson> cc, DateTimeOffset sent, string subject,
        bool draft = false, string? conversation = null) =>
        _emails.Add(new SimEmail($"<{NewId("msg")}@{DemoOrganisation.InternalDomain}>", conversation ?? NewId("conv"), subject, from,
            to, cc.Where(c => !to.Contains(c) && c != from).ToList(), sent, draft));

    private SimPerson TeamMate(SimPerson rep)
    {
        var mates = org.Reps.Where(r => r.TeamId == rep.TeamId && r != rep).ToList();
        return Pick(mates);
    }

    private SimPerson ContactOf(SimAccount account) => Pick(org.Contacts.Where(c => c.AccountId == account.Id).ToList());

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private int Scaled(int count) => Math.Max(0, (int)Math.Round(count * options.Volume));

    private DateTimeOffset At(DateOnly day, int fromHour, int toHour, bool wholeHalfHours = false)
    {
        var minutes = wholeHalfHours ? random.Next((toHour - fromHour) * 2) * 30 : random.Next((toHour - fromHour) * 60);
        return new DateTimeOffset(day.ToDateTime(new TimeOnly(fromHour, 0)), TimeSpan.Zero).AddMinutes(minutes).AddSeconds(wholeHalfHours ? 0 : random.Next(60));
    }

    private string NewId(string kind) => $"{kind}-{Interlocked.Increment(ref _sequence):000000}-{random.Next():x8}";
}
