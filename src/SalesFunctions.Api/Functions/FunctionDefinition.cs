using SalesFunctions.Core.Security;

namespace SalesFunctions.Api.Functions;

/// <param name="Name">The function name in the Functions host and in the Host's logs.</param>
/// <param name="Route">HTTP route below the "api" prefix (a <see cref="Routes"/> constant).</param>
/// <param name="Queue">Logical queue name for queue triggers.</param>
/// <param name="ScheduleSetting">App setting that holds the NCRONTAB schedule for timer triggers.</param>
/// <param name="Handler">The endpoint method the Host maps for an HTTP function; the Functions app calls the same one.</param>
/// <param name="Access">Who may call an HTTP function (docs/security.md); a host refuses to map an HTTP function without one.</param>
public sealed record FunctionDefinition(
    string Name,
    TriggerKind Trigger,
    string? Route = null,
    IReadOnlyList<string>? Methods = null,
    string? Queue = null,
    string? ScheduleSetting = null,
    Delegate? Handler = null,
    RouteAccess? Access = null);
