namespace SalesFunctions.Core.Security;

/// <summary>The app roles of the SalesFunctions API registration (Entra app roles, the "roles" claim).</summary>
public enum CallerRole
{
    /// <summary>Reads their own series; leaderboards only where the tenant allows it.</summary>
    Rep,

    /// <summary>Reads the teams the directory says they manage, their reps, territories, accounts and the tenant totals.</summary>
    Manager,

    /// <summary>RevOps: configures and operates the tenant, and reads all of it.</summary>
    Admin,
}
