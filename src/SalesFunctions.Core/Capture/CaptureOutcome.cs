using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Capture;

/// <summary>What the capture step did with one item; every value but <see cref="Queued"/> and <see cref="Deferred"/> is a documented exclusion.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaptureOutcome>))]
public enum CaptureOutcome
{
    Queued,
    Draft,
    InternalOnly,
    NoMessageId,
    NoTime,

    /// <summary>An email whose sender could not be read: without a sender it is neither sent nor received.</summary>
    NoSender,
    Cancelled,
    AllDay,
    SeriesMaster,
    Gone,
    Deleted,

    /// <summary>A Teams call record of an online meeting (it has a join URL): the calendar captures it as a meeting.</summary>
    OnlineMeeting,

    /// <summary>A call record without audio or video (a screen share alone, an IM session), or an audio-conference PSTN leg.</summary>
    NotACall,

    // Exclusions by the tenant's privacy policy (docs/privacy.md).
    Sensitive,
    AutomatedSender,
    ExcludedAddress,
    ExcludedDomain,
    PersonalOnly,

    /// <summary>Not an exclusion: Graph throttled the read beyond the SDK's retries, so the item is read again later.</summary>
    Deferred,
}
