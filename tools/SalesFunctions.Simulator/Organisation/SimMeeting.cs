namespace SalesFunctions.Simulator.Organisation;

public sealed record SimMeeting(
    string ICalUId,
    string Subject,
    SimPerson Organizer,
    IReadOnlyList<SimAttendee> Attendees,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool IsCancelled)
{
    public IEnumerable<SimPerson> Everyone => Attendees.Select(a => a.Person).Prepend(Organizer);
}
