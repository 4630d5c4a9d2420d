using Microsoft.Extensions.Options;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Kpis.Targets;

/// <summary>Refuses configured targets the catalogue could not read, naming each entry by its configuration path.</summary>
public sealed class KpiOptionsValidator : IValidateOptions<KpiOptions>
{
    public ValidateOptionsResult Validate(string? name, KpiOptions options)
    {
        var errors = new List<string>();
        foreach (var (tenantId, targets) in options.Tenants)
        {
            if (!KeyText.IsSafeId(tenantId))
            {
                errors.Add($"{KpiOptions.Section}:Tenants: tenant id '{tenantId}' must be 1-100 characters of letters, digits, '-', '_' or '.'.");
            }

            targets.ToTargets(tenantId, errors.Add);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
