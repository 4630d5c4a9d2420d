namespace SalesFunctions.Simulator.Organisation;

/// <summary>
/// A sales organisation generated deterministically from a seed: 21 reps in 3 teams, internal colleagues, 200
/// accounts with their own domains and contacts, and the email threads and meetings of the simulated days, with the
/// noise a real mailbox has (internal mail, drafts, free-mail senders, declined and cancelled meetings).
/// </summary>
public sealed class DemoOrganisation
{
    public const string TenantId = "8f1c7a52-3b0e-4d7e-9a61-5d2f0c4b9e17";

    /// <summary>A second organisation the demo Host maps (appsettings.Demo.json) and that holds nothing: its tokens show tenant isolation.</summary>
    public const string OtherTenantId = "2b7c3e91-6a4d-4f1e-8c55-0e9d7b1a3f60";
    public const string InternalDomain = "contoso-sales.example";

    /// <summary>The tenant's initial domain, which every Microsoft 365 mailbox also receives on.</summary>
    public const string InitialDomain = "contososales.onmicrosoft.com";

    /// <summary>A rep mailbox's Exchange proxyAddresses: the primary, the initial-domain address and a short alias.</summary>
    public static IReadOnlyList<string> ProxyAddresses(SimPerson rep)
    {
        var local = rep.Email.Split('@')[0];
        var parts = local.Split('.');
        return [$"SMTP:{rep.Email}", $"smtp:{local}@{InitialDomain}", $"smtp:{parts[0][0]}{parts[^1]}@{InternalDomain}"];
    }

    private static readonly string[] FirstNames =
    [
        "Ava", "Liam", "Mia", "Noah", "Zoe", "Ethan", "Isla", "Lucas", "Chloe", "Mateo", "Aria", "Leo", "Nora", "Omar",
        "Priya", "Hugo", "Lena", "Kai", "Sofia", "Ravi", "Elena", "Jonas", "Amara", "Felix", "Yara", "Tomas", "Ines",
        "Marco", "Hana", "Diego",
    ];

    private static readonly string[] LastNames =
    [
        "Stone", "Okafor", "Berg", "Lindqvist", "Moreau", "Tanaka", "Novak", "Fischer", "Costa", "Walsh", "Haddad",
        "Kowalski", "Silva", "Jensen", "Rossi", "Mehta", "Dubois", "Keller", "Nguyen", "Ibrahim", "Larsen", "Petrov",
    ];

    private static readonly string[] NameParts =
    [
        "North", "Blue", "Silver", "Bright", "Cedar", "Harbor", "Summit", "Iron", "Maple", "Quantum", "River", "Stellar",
        "Crown", "Falcon", "Granite", "Lumen", "Orchid", "Pioneer", "Sage", "Vertex",
    ];

    private static readonly string[] NameKinds =
    [
        "Traders", "Logistics", "Systems", "Health", "Foods", "Energy", "Analytics", "Retail", "Robotics", "Finance",
    ];

    private static readonly string[] FreeMailDomains = ["gmail.com", "outlook.com", "yahoo.com"];

    private static readonly string[][] ContactTitles =
    [
        ["Chief Financial Officer", "VP Operations", "Head of Procurement", "Chief Executive Officer", "VP Sales"],
        ["IT Manager", "Director of Operations", "Project Manager", "Head of Data"],
        ["Analyst", "Engineer", "Office Manager", "Buyer"],
    ];

    // (country, region, postal code) per account, cycled by index; US and DE dominate like in the demo's pipeline.
    private static readonly (string Country, string Region, string PostalCode)[] Locations =
    [
        ("US", "CA", "94105"), ("US", "NY", "10001"), ("DE", "BY", "80331"), ("US", "WA", "98101"), ("GB", "ENG", "EC1A 1BB"),
        ("DE", "BE", "10115"), ("AT", "9", "1010"), ("US", "TX", "73301"), ("CH", "ZH", "8001"), ("FR", "IDF", "75001"),
        ("US", "IL", "60601"),
    ];

    public DemoOrganisation(SimulatorOptions options)
    {
        var random = new Random(options.Seed);
        Teams = [("team-east", "East"), ("team-west", "West"), ("team-central", "Central")];
        Reps = Enumerable.Range(1, 21).Select(i =>
        {
            var first = FirstNames[(i - 1) % FirstNames.Length];
            var last = LastNames[(i * 7) % LastNames.Length];
            return new SimPerson($"{first}.{last}@{InternalDomain}".ToLowerInvariant(), $"{first} {last}", true,
                $"rep-{i:00}", Teams[(i - 1) % Teams.Count].Id)
            {
                UserId = $"0000a11c-0000-4000-8000-{i:000000000000}",
            };
        }).ToList();
        Colleagues =
        [
            new SimPerson($"dana.manager@{InternalDomain}", "Dana Manager", true),
            new SimPerson($"legal@{InternalDomain}", "Legal Desk", true),
        ];

        Accounts = Enumerable.Range(1, 200).Select(i =>
        {
            var name = $"{NameParts[(i - 1) % NameParts.Length]}{NameParts[(i * 3) % NameParts.Length].ToLowerInvariant()} {NameKinds[(i - 1) / NameParts.Length % NameKinds.Length]}";
            var slug = name.ToLowerInvariant().Replace(' ', '-');
            IReadOnlyList<string> domains = i % 10 == 0 ? [$"{slug}.example", $"{slug}-group.example"] : [$"{slug}.example"];
            // Firmographics derive from the index alone: drawing them from the seeded Random would shift every generated activity.
            var location = Locations[(i * 7) % Locations.Length];
            var employees = 5 + ((i * 37) % 60 * (i % 3 == 0 ? 211 : 13));
            return new SimAccount($"acc-{i:000}", name, domains)
            {
                Country = location.Country,
                Region = location.Region,
                PostalCode = location.PostalCode,
                Industry = NameKinds[(i - 1) / NameParts.Length % NameKinds.Length],
                Employees = employees,
                AnnualRevenue = employees * 180_000m,
            };
        }).ToList();

        Contacts = Accounts.SelectMany((account, index) => Enumerable.Range(0, 3).Select(c =>
        {
            var first = FirstNames[(index + (c * 11)) % FirstNames.Length];
            var last = LastNames[(index * 5 + c) % LastNames.Length];

            // Some contacts write from a regional subdomain or the account's second domain: both belong to the account.
            var domain = c == 2 && account.Domains.Count > 1 ? account.Domains[1]
                : c == 1 && index % 7 == 0 ? $"eu.{account.Domains[0]}"
                : account.Domains[0];
            return new SimPerson($"{first}.{last}{c}@{domain}".ToLowerInvariant(), $"{first} {last}", false, AccountId: account.Id)
            {
                // One senior buyer, one manager and one practitioner per account, in a deterministic mix of titles.
                Title = ContactTitles[c][index % ContactTitles[c].Length],

                // Ofcom's drama range (+44 20 7946 0000–0999): real-looking numbers that reach no one.
                Phone = $"+44207946{(index * 3) + c:0000}",
            };
        })).ToList();
        FreeMailContacts = Enumerable.Range(0, 12)
            .Select(i => new SimPerson($"{FirstNames[i]}.{LastNames[i]}{i}@{FreeMailDomains[i % FreeMailDomains.Length]}".ToLowerInvariant(), $"{FirstNames[i]} {LastNames[i]}", false))
            .ToList();

        (Emails, Meetings) = new ActivityGenerator(this, random, options).Generate();
    }

    public IReadOnlyList<(string Id, string Name)> Teams { get; }

    public IReadOnlyList<SimPerson> Reps { get; }

    public IReadOnlyList<SimPerson> Colleagues { get; }

    public IReadOnlyList<SimAccount> Accounts { get; }

    public IReadOnlyList<SimPerson> Contacts { get; }

    public IReadOnlyList<SimPerson> FreeMailContacts { get; }

    public IReadOnlyList<SimEmail> Emails { get; }

    public IReadOnlyList<SimMeeting> Meetings { get; }

    /// <summary>
    /// The sign-in address of a team's manager: Dana (a mailbox of the organisation) manages East; West and Central have
    /// managers without a captured mailbox, as sales managers often do.
    /// </summary>
    public string ManagerOf(string teamId) => teamId == "team-east" ? $"dana.manager@{InternalDomain}" : $"{teamId.Replace("team-", string.Empty, StringComparison.Ordinal)}.manager@{InternalDomain}";

    /// <summary>Every mailbox of the organisation: reps and colleagues.</summary>
    public IEnumerable<SimPerson> Mailboxes => Reps.Concat(Colleagues);

    /// <summary>The tenant directory in the Host's import shape (docs/contracts.md).</summary>
    public object Directory() => new
    {
        internalDomains = new[] { InternalDomain },
        timeZone = "UTC",
        phoneRegion = "GB",
        teams = Teams.Select(t => new { id = t.Id, name = t.Name, managers = new[] { ManagerOf(t.Id) } }),
        reps = Reps.Select(r => new { id = r.RepId, email = r.Email, name = r.Name, teamId = r.TeamId, userId = r.UserId }),
        accounts = Accounts.Select(a => new
        {
            id = a.Id,
            name = a.Name,
            domains = a.Domains,
            country = a.Country,
            region = a.Region,
            postalCode = a.PostalCode,
            industry = a.Industry,
            employees = a.Employees,
            annualRevenue = a.AnnualRevenue,
        }),
        // Every other number written as a CRM export has it, in the national form the directory's phoneRegion reads.
        contacts = Contacts.Select((c, i) => new
        {
            email = c.Email, accountId = c.AccountId, name = c.Name, title = c.Title,
            phones = new[] { i % 2 == 0 ? c.Phone! : "020 7946 " + c.Phone![^4..] },
        }),
    };
}
