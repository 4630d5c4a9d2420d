namespace SalesFunctions.Core.Tenants;

/// <summary>Work arrived for a tenant without a directory. Retrying cannot help, so the message goes to poison with this reason.</summary>
public sealed class TenantNotConfiguredException : Exception
{
    public TenantNotConfiguredException()
    {
    }

    public TenantNotConfiguredException(string tenantId)
        : base($"Tenant '{tenantId}' has no directory; import one with PUT /api/admin/tenants/{{tenantId}}/directory.")
    {
    }

    public TenantNotConfiguredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
