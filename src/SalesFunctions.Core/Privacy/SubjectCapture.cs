using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Privacy;

/// <summary>What is kept of a subject: nothing (the default, and then it is not even fetched), a keyed hash, or the text.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SubjectCapture>))]
public enum SubjectCapture
{
    Off,
    Hashed,
    On,
}
