using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Capture;

/// <summary>What the capture step did with one item; every value but <see cref="Queued"/> is a documented exclusion.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaptureOutcome>))]
public enum CaptureOutcome
{
    Queued,
    Draft,
    InternalOnly,
    NoMessageId,
    NoTime,
    Cancelled,
    AllDay,
    SeriesMaster,
    Gone,
    Deleted,

    // Exclusions by the tenant's privacy policy (docs/privacy.md).
    Sensitive,
    AutomatedSender,
    ExcludedAddress,
    ExcludedDomain,
    PersonalOnly,
}
