namespace SalesFunctions.Simulator.Organisation;

public sealed record DayCounts(string Day, int EmailsSent, int EmailsReceived, int Meetings, int MeetingMinutes, int UniqueAccounts, int Calls = 0, int CallMinutes = 0);
