using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Qualification;

/// <summary>
/// An external person of the account who took part in an activity (not a declined invitee). The address only keys
/// counts of distinct people inside the engine; it never reaches evidence.
/// </summary>
internal readonly record struct EngagedPerson(string Address, Contact? Contact);
