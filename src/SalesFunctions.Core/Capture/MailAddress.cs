namespace SalesFunctions.Core.Capture;

public sealed record MailAddress(string Address);
