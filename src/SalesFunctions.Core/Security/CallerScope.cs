using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Security;

/// <summary>
/// What one caller may read of their tenant, from the directory: an admin everything; a manager the teams the directory
/// says they manage (and those teams' reps), territories, accounts and the tenant totals; a rep their own series, and
/// other reps only in leaderboards where the tenant allows it. docs/security.md has the matrix.
/// </summary>
public sealed class CallerScope
{
    private readonly HashSet<string> _teams;
    private readonly HashSet<string> _reps;
    private readonly bool _repsSeeLeaderboards;

    private CallerScope(Caller caller, TenantDirectory directory)
    {
        Caller = caller;
        _repsSeeLeaderboards = directory.Access.RepsSeeLeaderboards;
        var email = caller.Email is { } address ? EmailAddresses.Normalise(address) : null;
        _teams = caller.Role switch
        {
            CallerRole.Admin => directory.Teams.Select(t => t.Id).ToHashSet(StringComparer.Ordinal),
            CallerRole.Manager when email is not null => directory.Teams
                .Where(t => t.Managers.Any(m => EmailAddresses.Normalise(m) == email)).Select(t => t.Id).ToHashSet(StringComparer.Ordinal),
            _ => [],
        };
        _reps = caller.Role == CallerRole.Rep
            ? email is not null && directory.RepByEmail(email) is { } self ? [self.Id] : []
            : directory.Reps.Where(r => _teams.Contains(r.TeamId)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
    }

    public Caller Caller { get; }

    /// <summary>The teams whose cells the caller reads: all for an admin, the managed ones for a manager, none for a rep.</summary>
    public IReadOnlySet<string> Teams => _teams;

    /// <summary>The reps whose cells the caller reads: a manager's teams' reps, a rep themself, all for an admin.</summary>
    public IReadOnlySet<string> Reps => _reps;

    public static CallerScope For(Caller caller, TenantDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(directory);
        return caller.TenantId == directory.TenantId
            ? new CallerScope(caller, directory)
            : throw new ArgumentException("The directory is another tenant's.", nameof(directory));
    }

    /// <summary>May the caller read the cells (series, comparison, export rows) of this entity?</summary>
    public bool CanRead(KpiDimension dimension, string key) => Caller.Role switch
    {
        CallerRole.Admin => true,
        CallerRole.Manager => dimension switch
        {
            KpiDimension.Rep => _reps.Contains(key),
            KpiDimension.Team => _teams.Contains(key),
            _ => true,
        },
        _ => dimension == KpiDimension.Rep && _reps.Contains(key),
    };

    /// <summary>
    /// May the caller read what these reps work on together (an account's or a deal's qualification)? An admin always; a
    /// manager when one of them is in a team they manage; a rep when they are one of them.
    /// </summary>
    public bool CanReadWorkOf(IEnumerable<string> repIds) =>
        Caller.Role == CallerRole.Admin || repIds.Any(_reps.Contains);

    /// <summary>
    /// May the caller rank this dimension? A ranking shows every entity of the dimension, so a manager ranks reps and
    /// teams only as far as <see cref="CanRead"/> goes (the caller filters), and a rep only where the tenant allows it.
    /// </summary>
    public bool CanRank(KpiDimension dimension) => Caller.Role switch
    {
        CallerRole.Rep => _repsSeeLeaderboards && dimension is KpiDimension.Rep or KpiDimension.Team,
        _ => true,
    };

    /// <summary>May the caller see the entity in a ranking or a listing of many entities?</summary>
    public bool CanList(KpiDimension dimension, string key) =>
        CanRead(dimension, key) || (Caller.Role == CallerRole.Rep && CanRank(dimension));
}
