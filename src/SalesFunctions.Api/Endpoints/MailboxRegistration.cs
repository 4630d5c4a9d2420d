namespace SalesFunctions.Api.Endpoints;

public sealed record MailboxRegistration(string? Mailbox);
