namespace SalesFunctions.Host.Endpoints;

public sealed record MailboxRegistration(string? Mailbox);
