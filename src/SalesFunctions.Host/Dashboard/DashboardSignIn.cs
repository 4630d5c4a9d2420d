namespace SalesFunctions.Host.Dashboard;

/// <summary>How the dashboard gets its bearer tokens.</summary>
public enum DashboardSignIn
{
    Development,
    Msal,
}
