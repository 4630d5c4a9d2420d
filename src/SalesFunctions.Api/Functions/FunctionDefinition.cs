namespace SalesFunctions.Api.Functions;

/// <param name="Name">The function name in the Functions host and in the Host's logs.</param>
/// <param name="Route">HTTP route below the "api" prefix (a <see cref="Routes"/> constant).</param>
/// <param name="Queue">Logical queue name for queue triggers.</param>
/// <param name="ScheduleSetting">App setting that holds the NCRONTAB schedule for timer triggers.</param>
/// <param name="Handler">The endpoint method the Host maps for an HTTP function; the Functions app calls the same one.</param>
/// <param name="AdminOnly">
/// An admin function: the Host asks for the x-admin-key header, the Functions app for the master key
/// (AuthorizationLevel.Admin).
/// </param>
public sealed record FunctionDefinition(
    string Name,
    TriggerKind Trigger,
    string? Route = null,
    IReadOnlyList<string>? Methods = null,
    string? Queue = null,
    string? ScheduleSetting = null,
    Delegate? Handler = null,
    bool AdminOnly = false);
