namespace SalesFunctions.Simulator.Organisation;

/// <param name="Response">Graph responseStatus.response: accepted, tentativelyAccepted, declined, none.</param>
public sealed record SimAttendee(SimPerson Person, string Response);
