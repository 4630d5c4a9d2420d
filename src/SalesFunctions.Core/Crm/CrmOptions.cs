using System.ComponentModel.DataAnnotations;

namespace SalesFunctions.Core.Crm;

/// <summary>Section "Crm": the connectors by id (the {connectorId} of the webhook route) and revenue conversion.</summary>
public sealed class CrmOptions : IValidatableObject
{
    public const string Section = "Crm";

    public Dictionary<string, CrmConnector> Connectors { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Larger bodies get 413; Dataverse itself trims its payloads at 256 KB, HubSpot batches under 100 events.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxPayloadBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How long the history rematch waits after a CRM account or contact changed where addresses match: a CRM sync sends
    /// thousands of changes in a burst, every change queues a rematch, and only the first to run after the burst walks
    /// the history (the others find it done). Keep it above the directory cache's 30 seconds.
    /// </summary>
    [Range(1, 3600)]
    public int RematchDelaySeconds { get; set; } = 60;

    /// <summary>Revenue KPIs are in this currency.</summary>
    [Required]
    public string ReportingCurrency { get; set; } = "USD";

    /// <summary>Units of the reporting currency per unit of each other currency (EUR: 1.08 when reporting in USD).</summary>
    public Dictionary<string, decimal> ExchangeRates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Connectors.SelectMany(c => c.Value.Validate(c.Key))
            .Concat(ExchangeRates.Where(r => r.Value <= 0).Select(r => $"Crm:ExchangeRates:{r.Key} must be positive."))
            .Select(e => new ValidationResult(e));

    /// <summary>The amount in the reporting currency, or null when no rate is configured for its currency.</summary>
    public decimal? ToReporting(decimal amount, string? currency) =>
        currency is null || string.Equals(currency, ReportingCurrency, StringComparison.OrdinalIgnoreCase) ? amount
        : ExchangeRates.TryGetValue(currency, out var rate) ? amount * rate
        : null;
}
