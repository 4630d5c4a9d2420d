namespace SalesFunctions.Core.Security;

/// <summary>Who may call an HTTP function: every HTTP entry of the function registry states one.</summary>
public enum RouteAccess
{
    /// <summary>Graph and CRM ingress: no sign-in; the route authenticates the sender itself (clientState, signatures).</summary>
    Ingress,

    /// <summary>
    /// Probes: no sign-in, and nothing of any tenant in the answer (liveness; readiness names each check with its state
    /// and a description made of fixed text and numbers). Container Apps and the Function app's health check call them
    /// without credentials; a per-sender rate limit bounds what they cost.
    /// </summary>
    Probe,

    /// <summary>Any signed-in caller of the tenant; what the caller sees is narrowed by <see cref="CallerScope"/>.</summary>
    Reader,

    /// <summary>Managers and admins: account and deal pages (qualification), which reps read through their own series.</summary>
    Manager,

    /// <summary>Callers in the Admin role only.</summary>
    Admin,

    /// <summary>
    /// Shared infrastructure of the whole deployment (the poison queues hold every tenant's messages): admins of the
    /// operator tenant only, the organisation that runs the deployment (Auth:OperatorTenant).
    /// </summary>
    Operator,
}
