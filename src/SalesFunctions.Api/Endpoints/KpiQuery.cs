using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Kpis.Query;
using SalesFunctions.Core.Security;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Api.SignIn;

namespace SalesFunctions.Api.Endpoints;

/// <summary>
/// Reads the query string of a KPI route, collecting every problem rather than stopping at the first, so that one 400
/// names all of them.
/// </summary>
public sealed class KpiQuery
{
    private static readonly string[] EntityParameters = ["rep", "team", "territory", "account"];
    private readonly HttpRequest _request;
    private readonly CallerScope _scope;
    private readonly Dictionary<string, string[]> _errors = [];
    private string? _forbidden;

    public KpiQuery(HttpRequest request)
    {
        _request = request;
        _scope = request.HttpContext.GetCallerScope();
        Tenant = Value("tenant") ?? string.Empty;
        if (!KeyText.IsSafeId(Tenant))
        {
            _errors["tenant"] = ["tenant is required: the tenant id."];
        }
    }

    public string Tenant { get; }

    /// <summary>The entity named by one of rep=, team=, territory= or account=; the tenant total when none is given.</summary>
    public (KpiDimension Dimension, string Key) Entity()
    {
        var given = EntityParameters.Where(p => Value(p) is not null).ToList();
        if (given.Count > 1)
        {
            _errors[given[1]] = ["Give one of rep, team, territory or account."];
        }

        if (given.Count == 0)
        {
            return Readable(KpiDimension.Tenant, KpiDefinitions.TenantTotalKey);
        }

        var key = Value(given[0])!;
        if (!KeyText.IsSafeId(key))
        {
            _errors[given[0]] = ["Not a valid id."];
        }

        return Readable(Enum.Parse<KpiDimension>(given[0], ignoreCase: true), key);
    }

    /// <summary>Whether the caller may see this entity in a list of many (leaderboard, side by side, export).</summary>
    public bool Shows(KpiDimension dimension, string key) => _scope.CanList(dimension, key);

    /// <summary>dimension=rep|team|territory|account|tenant (required).</summary>
    public KpiDimension Dimension()
    {
        if (EnumNames.TryParse<KpiDimension>(Value("dimension"), out var dimension))
        {
            if (!_scope.CanRank(dimension))
            {
                _forbidden = $"Your role does not list every {Name(dimension)} of the tenant.";
            }

            return dimension;
        }

        _errors["dimension"] = ["dimension is required: rep, team, territory, account or tenant."];
        return KpiDimension.Rep;
    }

    /// <summary>grain=day|week|month|quarter; day when absent.</summary>
    public KpiGrain Grain()
    {
        var text = Value("grain");
        if (text is null)
        {
            return KpiGrain.Day;
        }

        if (EnumNames.TryParse<KpiGrain>(text, out var grain))
        {
            return grain;
        }

        _errors["grain"] = ["grain is one of day, week, month, quarter."];
        return KpiGrain.Day;
    }

    /// <summary>period=2026-10-05 | 2026-W41 | 2026-10 | 2026-Q4 (required); its form gives the grain.</summary>
    public KpiPeriod Period()
    {
        if (KpiPeriod.TryParse(Value("period"), out var period))
        {
            return period;
        }

        _errors["period"] = ["period is required: a day (2026-10-05), ISO week (2026-W41), month (2026-10) or quarter (2026-Q4)."];
        return KpiPeriod.Of(KpiGrain.Day, DateOnly.MinValue);
    }

    /// <summary>kpi= a catalogue name (required).</summary>
    public string Kpi()
    {
        var name = Value("kpi");
        if (name is not null && KpiCatalogue.Definitions.Any(d => d.Name == name))
        {
            return name;
        }

        _errors["kpi"] = ["kpi is required: a KPI name of the catalogue (docs/kpis.md), e.g. revenueWon."];
        return string.Empty;
    }

    /// <summary>size= how many at the top and at the bottom; 5 when absent.</summary>
    public int Size()
    {
        var text = Value("size");
        if (text is null)
        {
            return 5;
        }

        if (int.TryParse(text, out var size) && size is > 0 and <= KpiQueryService.MaxLeaderboardSize)
        {
            return size;
        }

        _errors["size"] = [$"size is a whole number from 1 to {KpiQueryService.MaxLeaderboardSize}."];
        return 5;
    }

    public DateOnly Day(string name) => TenantProblems.Day(Value(name), name, _errors);

    /// <summary>Records a problem when the range runs backwards or spans more periods than one request reads.</summary>
    public void CheckPeriods(KpiGrain grain, DateOnly from, DateOnly to)
    {
        if (_errors.ContainsKey("from") || _errors.ContainsKey("to"))
        {
            return;
        }

        if (!KpiQueryService.IsReadableRange(grain, from, to))
        {
            _errors["to"] = [$"to must not be before from, and the range spans at most {KpiQueryService.MaxPeriods} periods."];
        }
    }

    /// <summary>A 400 naming every invalid parameter, else a 403 when the caller may not read what was asked, else null.</summary>
    public IResult? Problem() =>
        _errors.Count > 0 ? Results.ValidationProblem(_errors, title: "Invalid KPI query")
        : _forbidden is not null ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: _forbidden)
        : null;

    private (KpiDimension Dimension, string Key) Readable(KpiDimension dimension, string key)
    {
        if (!_scope.CanRead(dimension, key))
        {
            _forbidden = dimension == KpiDimension.Tenant
                ? "Your role does not read the tenant totals."
                : $"That {Name(dimension)} is outside what your role reads.";
        }

        return (dimension, key);
    }

    private static string Name(KpiDimension dimension) => dimension.ToString().ToLowerInvariant();

    private string? Value(string name) => _request.Query.TryGetValue(name, out var value) && value.Count > 0 ? value.ToString() : null;
}
