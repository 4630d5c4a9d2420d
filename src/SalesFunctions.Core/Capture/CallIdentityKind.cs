using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Capture;

/// <summary>Which member of Graph's communicationsIdentitySet named a call participant.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CallIdentityKind>))]
public enum CallIdentityKind
{
    /// <summary>An Entra ID user, of this tenant or a federated one (<c>user</c>).</summary>
    User,

    /// <summary>A guest joined without an account of ours (<c>guest</c>).</summary>
    Guest,

    /// <summary>A phone number, E.164 in <c>phone.id</c>.</summary>
    Phone,

    /// <summary>A bot, an application, anything else: never a customer.</summary>
    Other,
}
