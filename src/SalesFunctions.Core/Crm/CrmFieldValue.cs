namespace SalesFunctions.Core.Crm;

/// <summary>A field's value and the provider time of the change that set it.</summary>
public sealed record CrmFieldValue(string? Value, DateTimeOffset Version);
