using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Tenants;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record Team(string Id, string Name);
