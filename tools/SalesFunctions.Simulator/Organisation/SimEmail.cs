namespace SalesFunctions.Simulator.Organisation;

public sealed record SimEmail(
    string InternetMessageId,
    string ConversationId,
    string Subject,
    SimPerson From,
    IReadOnlyList<SimPerson> To,
    IReadOnlyList<SimPerson> Cc,
    DateTimeOffset SentAt,
    bool IsDraft)
{
    public IEnumerable<SimPerson> Everyone => To.Concat(Cc).Prepend(From);
}
