using System.Runtime.InteropServices;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// One pass over a tenant's inputs: activities credited by <see cref="ActivityCredits"/>'s rules and deal and case facts,
/// dated by tenant-local day and filed under every entity they count for in day order, so that a period of any grain
/// reads only its own slice. Accounts, contacts and reps become small integers, so distinct counts need no hashing.
/// </summary>
internal sealed partial class CatalogueIndex
{
    private const int TouchWindowDays = 90;

    private readonly InternedIds _accounts = new(keepKeys: true);
    private readonly InternedIds _contacts = new(keepKeys: false);
    private readonly InternedIds _territories = new(keepKeys: true);
    private readonly InternedIds _teams = new(keepKeys: true);
    private readonly Dictionary<Rep, int> _repIndex = new(ReferenceEqualityComparer.Instance);
    private readonly List<(int Account, int Day)> _created = [];
    private readonly List<CatalogueEntity?> _repEntities = [];
    private readonly List<CatalogueEntity?> _teamEntities = [];
    private readonly List<CatalogueEntity?> _territoryEntities = [];
    private readonly List<CatalogueEntity?> _accountEntities = [];
    private readonly LocalDays _localDays;

    // Reps, accounts, contacts and territories of all activities; each activity holds a slice (ActivityFact).
    private List<int> _repPool = [];
    private List<int> _accountPool = [];
    private List<int> _contactPool = [];
    private List<int> _territoryPool = [];
    private int[] _createdStarts = [0];
    private int[] _createdDays = [];
    private int[] _repTeams = [];

    private CatalogueIndex(TenantDirectory directory)
    {
        Directory = directory;
        _localDays = new LocalDays(directory);
        Tenant = new CatalogueEntity(KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, -1);
    }

    public TenantDirectory Directory { get; }

    /// <summary>Credited activities, one per activity id, in day order.</summary>
    public ActivityFact[] Activities { get; private set; } = [];

    public DealFact[] Deals { get; private set; } = [];

    public CaseFact[] Cases { get; private set; } = [];

    /// <summary>Deal and case facts in day order.</summary>
    public FactEvent[] Events { get; private set; } = [];

    /// <summary>Rep, team, tenant, territory, then account entities, each by key.</summary>
    public CatalogueEntity[] Entities { get; private set; } = [];

    public CatalogueEntity Tenant { get; }

    public int AccountCount => _accounts.Count;

    public int ContactCount => _contacts.Count;

    public int RepCount => Directory.Reps.Count;

    /// <summary>Won deals on directory accounts, as the customer KPIs read them.</summary>
    public CustomerWins Customers { get; private set; } = CustomerWins.Of([], 0);

    public static CatalogueIndex Build(KpiInputs inputs)
    {
        var index = new CatalogueIndex(inputs.Directory);
        index.IndexReps();
        index.IndexActivities(inputs.Activities);
        index.IndexRecords(inputs);
        index.Entities = [.. index.AllEntities().OrderBy(e => e.Dimension).ThenBy(e => e.Key, StringComparer.Ordinal)];
        return index;
    }

    public ReadOnlySpan<int> Reps(ref readonly ActivityFact activity) => Slice(_repPool, in activity.RepStart, activity.RepCount);

    /// <summary>The activity's reps that work outside all of its accounts' territories.</summary>
    public ReadOnlySpan<int> OutsideReps(ref readonly ActivityFact activity) => Reps(in activity)[..activity.OutsideCount];

    public ReadOnlySpan<int> Accounts(ref readonly ActivityFact activity) => Slice(_accountPool, in activity.AccountStart, activity.AccountCount);

    public ReadOnlySpan<int> Contacts(ref readonly ActivityFact activity) => Slice(_contactPool, in activity.ContactStart, activity.ContactCount);

    public ReadOnlySpan<int> Territories(ref readonly ActivityFact activity) => Slice(_territoryPool, in activity.TerritoryStart, activity.TerritoryCount);

    public int RepTeam(int rep) => _repTeams[rep];

    /// <summary>Whether a deal was created on the account between the two days, inclusive, whoever owns it.</summary>
    public bool HasDealCreated(int account, int from, int to) =>
        account + 1 < _createdStarts.Length && CountBetween(_createdDays.AsSpan(_createdStarts[account].._createdStarts[account + 1]), from, to) > 0;

    /// <summary>How many of the ascending <paramref name="days"/> fall between the two days, inclusive.</summary>
    public static int CountBetween(ReadOnlySpan<int> days, int from, int to) => LowerBound(days, to + 1) - LowerBound(days, from);

    /// <summary>The first position whose day is not before <paramref name="day"/>.</summary>
    public static int LowerBound(ReadOnlySpan<int> days, int day)
    {
        var (low, high) = (0, days.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            (low, high) = days[middle] < day ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    private void IndexReps()
    {
        foreach (var team in Directory.Teams.Select(t => t.Id).Concat(Directory.Reps.Select(r => r.TeamId)))
        {
            _teams.Intern(team);
        }

        _repTeams = [.. Directory.Reps.Select(r => _teams.NumberOf(r.TeamId))];
        for (var i = 0; i < Directory.Reps.Count; i++)
        {
            _repIndex.TryAdd(Directory.Reps[i], i);
        }
    }

    private IEnumerable<CatalogueEntity> AllEntities() =>
        new[] { _repEntities, _teamEntities, [Tenant], _territoryEntities, _accountEntities }.SelectMany(e => e).OfType<CatalogueEntity>();

    private static void AddDistinct(List<int> pool, int start, int value)
    {
        if (!CollectionsMarshal.AsSpan(pool)[start..].Contains(value))
        {
            pool.Add(value);
        }
    }

    private static CatalogueEntity EntityOf(List<CatalogueEntity?> entities, int index, KpiDimension dimension, string key)
    {
        while (entities.Count <= index)
        {
            entities.Add(null);
        }

        return entities[index] ??= new CatalogueEntity(dimension, key, index);
    }

    private CatalogueEntity AccountEntity(int account) => EntityOf(_accountEntities, account, KpiDimension.Account, _accounts[account]);

    private static ReadOnlySpan<int> Slice(List<int> pool, ref readonly int start, int count) =>
        count == 1 ? new ReadOnlySpan<int>(in start) : CollectionsMarshal.AsSpan(pool).Slice(start, count);
}
