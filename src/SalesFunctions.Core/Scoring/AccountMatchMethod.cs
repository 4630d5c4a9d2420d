using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Scoring;

/// <summary>The rung of the matching ladder that found a participant's account; each has a fixed confidence (docs/matching.md).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AccountMatchMethod>))]
public enum AccountMatchMethod
{
    /// <summary>The address is a known contact of the account (confidence 1.0).</summary>
    Contact,

    /// <summary>The address's domain is one of the account's domains (0.9).</summary>
    Domain,

    /// <summary>A parent of the address's domain is one of the account's domains: mail.acme.example → acme.example (0.75).</summary>
    ParentDomain,

    /// <summary>A call participant's number is a known contact's number, in E.164 (1.0).</summary>
    Phone,
}
