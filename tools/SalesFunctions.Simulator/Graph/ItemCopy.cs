using SalesFunctions.Simulator.Organisation;

namespace SalesFunctions.Simulator.Graph;

/// <summary>
/// One copy of an item in one mailbox, with its own Graph id, as Exchange stores it: the same email is a different
/// item in the sender's Sent Items and in each recipient's Inbox.
/// </summary>
public sealed record ItemCopy(string Id, string Mailbox, string Folder, long Sequence, SimEmail? Email, SimMeeting? Meeting)
{
    public bool IsMessage => Email is not null;
}
