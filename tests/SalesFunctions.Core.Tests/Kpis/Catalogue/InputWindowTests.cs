using System.Globalization;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Tenants;
using static SalesFunctions.Core.Tests.Kpis.Catalogue.CatalogueData;

namespace SalesFunctions.Core.Tests.Kpis.Catalogue;

/// <summary>
/// The promise a rollup that reads a bounded slice of history builds on: a period's cells depend on the activities of
/// its input days (<see cref="KpiCatalogue.InputDays"/>) and on all deals and cases, and on nothing else. Random tenants
/// over two years, with many activities following an earlier one by a gap at a window's edge (14 days, 365 days and a
/// minute either side), are computed from all their activities and from the slice alone, for a period of every grain.
/// Periods are often picked around an activity's day, so that a window's edge falls next to it; a quarter of the
/// tenants also get a pair of emails across the start of summer time, where 14 or 365 times 24 hours is one local day
/// more, with the day period its window is counted from.
/// </summary>
public sealed class InputWindowTests
{
    private const int Seeds = 200;
    private const int RangeDays = 730;

    private static readonly DateTimeOffset RangeStart = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Reps = [TestData.Ava, TestData.Bo, TestData.Cy];
    private static readonly string[] Customers = [TestData.Kim, TestData.Lee, TestData.FreeMail, "ops@fabrikam-group.example"];
    private static readonly string[] Conversations = ["c0", "c1", "c2", "c3"];
    private static readonly string[] Territories = ["global", "amer", "emea"];

    /// <summary>rep-gone is no rep of the directory: a stale id in the stamp must count for nobody.</summary>
    private static readonly string[] RepIds = ["rep-ava", "rep-bo", "rep-cy", "rep-gone"];

    private static readonly TimeSpan[] Gaps =
    [
        TimeSpan.Zero, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(13.99),
        TimeSpan.FromDays(KpiCatalogue.ReplyWindowDays), TimeSpan.FromDays(KpiCatalogue.ReplyWindowDays) + TimeSpan.FromMinutes(1), TimeSpan.FromDays(15),
        TimeSpan.FromDays(90), TimeSpan.FromDays(364), TimeSpan.FromDays(KpiCatalogue.HistoryWindowDays),
        TimeSpan.FromDays(KpiCatalogue.HistoryWindowDays) + TimeSpan.FromMinutes(1), TimeSpan.FromDays(366), TimeSpan.FromDays(400),
    ];

    [Theory]
    [InlineData("UTC")]
    [InlineData("Europe/Berlin")]
    public void Compute_WhenActivitiesAreCutToThePeriodsInputDays_GivesTheSameCellsAsAllActivities(string timeZone)
    {
        var directory = TestData.Directory(timeZone);
        for (var seed = 0; seed < Seeds; seed++)
        {
            var random = new Random(seed);
            var (activities, deals, cases) = (RandomActivities(random), RandomDeals(random), RandomCases(random));
            var periods = Enum.GetValues<KpiGrain>().Select(g => KpiPeriod.Of(g, PeriodDay(random, directory, activities))).ToList();
            if (random.Next(4) == 0)
            {
                var (pair, day) = SpringForwardPair(random, directory);
                activities.AddRange(pair);
                periods.Add(KpiPeriod.Of(KpiGrain.Day, day));
            }

            var all = Compute(periods, activities, deals, cases, timeZone: timeZone);

            foreach (var period in periods)
            {
                var (from, to) = KpiCatalogue.InputDays(period.Start, period.End);
                var slice = activities.Where(a => directory.LocalDay(a.OccurredAt) is var day && day >= from && day <= to).ToList();
                var expected = all.Where(c => c.Period == period).ToList();
                var actual = Compute([period], slice, deals, cases, timeZone: timeZone);
                if (!Same(expected, actual))
                {
                    var (lines, sliceLines) = (Flatten(expected), Flatten(actual));
                    var differences = lines.Except(sliceLines).Select(e => "all: " + e).Concat(sliceLines.Except(lines).Select(a => "slice: " + a));
                    Assert.Fail($"seed {seed}, {period}, {slice.Count} of {activities.Count} activities: {string.Join("; ", differences.Take(6))}");
                }
            }
        }
    }

    /// <summary>Cell by cell, value by value; both lists come in the catalogue's order. Cheaper than comparing them as text.</summary>
    private static bool Same(List<KpiCell> expected, IReadOnlyList<KpiCell> actual) =>
        expected.Count == actual.Count && expected.Zip(actual).All(p =>
            (p.First.Dimension, p.First.Key, p.First.Period) == (p.Second.Dimension, p.Second.Key, p.Second.Period) && p.First.Values.Values.SequenceEqual(p.Second.Values.Values));

    private static List<Activity> RandomActivities(Random random)
    {
        var activities = new List<Activity>();
        var count = random.Next(10, 60);
        for (var i = 0; i < count; i++)
        {
            // Half of them follow an earlier activity by a gap at or near a window's edge, so the edges are crossed often.
            var at = i > 0 && random.Next(2) == 0
                ? activities[random.Next(activities.Count)].OccurredAt + Gaps[random.Next(Gaps.Length)]
                : RangeStart.AddMinutes(random.Next(RangeDays * 24 * 60));
            var activity = random.Next(4) == 0 ? RandomMeeting(random, i, at) : RandomEmail(random, i, at);
            activities.Add(activity with { Territories = Some(random, Territories), RepsOutsideTerritory = Some(random, RepIds) });
        }

        return activities;
    }

    /// <summary>
    /// Emails of one conversation from a late evening before summer time starts in Berlin: a reply 14 × 24 h later, or
    /// a second inbound email 365 × 24 h later and its reply. Locally that is past midnight of one day more, outside the
    /// input days of the first email's day (reply) or of the second email's day (history).
    /// </summary>
    private static (Activity[] Emails, DateOnly Day) SpringForwardPair(Random random, TenantDirectory directory)
    {
        var conversation = Conversations[random.Next(Conversations.Length)];
        Activity Inbound(string id, DateTimeOffset at) => TestData.Email(id, TestData.Kim, [TestData.Ava], at: at) with { ConversationId = conversation };
        Activity Reply(string id, DateTimeOffset at) => TestData.Email(id, TestData.Ava, [TestData.Kim], at: at) with { ConversationId = conversation };
        if (random.Next(2) == 0)
        {
            var asked = At("2026-03-20T22:30:00Z");
            return ([Inbound("spring-in", asked), Reply("spring-out", asked.AddDays(KpiCatalogue.ReplyWindowDays))], directory.LocalDay(asked));
        }

        var again = At("2026-03-29T22:30:00Z");
        return ([Inbound("spring-in", again.AddDays(-KpiCatalogue.HistoryWindowDays)), Inbound("spring-again", again), Reply("spring-out", again.AddMinutes(30))], directory.LocalDay(again));
    }

    /// <summary>A day in the middle of the range, so that both windows reach activities: half the time an activity's own day.</summary>
    private static DateOnly PeriodDay(Random random, TenantDirectory directory, List<Activity> activities)
    {
        var (first, last) = (DateOnly.FromDateTime(RangeStart.UtcDateTime).AddDays(300), DateOnly.FromDateTime(RangeStart.UtcDateTime).AddDays(620));
        var days = activities.Select(a => directory.LocalDay(a.OccurredAt)).Where(d => d >= first && d <= last).ToArray();
        return days.Length > 0 && random.Next(2) == 0 ? days[random.Next(days.Length)] : first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));
    }

    private static Activity RandomEmail(Random random, int number, DateTimeOffset at)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"e{number:00}");
        var conversation = random.Next(10) == 0 ? null : Conversations[random.Next(Conversations.Length)];
        var email = random.Next(2) == 0
            ? TestData.Email(id, Pick(random, Customers), [.. Some(random, Reps, atLeastOne: true)], random.Next(3) == 0 ? [TestData.Colleague] : null, at)
            : TestData.Email(id, Pick(random, Reps), [.. Some(random, Customers, atLeastOne: true)], random.Next(3) == 0 ? [Pick(random, Reps)] : null, at);
        return email with { ConversationId = conversation };
    }

    private static Activity RandomMeeting(Random random, int number, DateTimeOffset at)
    {
        var attendees = Some(random, [.. Reps, .. Customers], atLeastOne: true).Select(a => (a, random.Next(5) == 0)).ToArray();
        return TestData.Meeting(string.Create(CultureInfo.InvariantCulture, $"m{number:00}"), Pick(random, [.. Reps, TestData.Kim]), attendees, random.Next(15, 120), at);
    }

    private static List<CrmRecord> RandomDeals(Random random)
    {
        var deals = new List<CrmRecord>();
        for (var i = random.Next(0, 12); i > 0; i--)
        {
            var created = RangeStart.AddDays(random.Next(RangeDays));
            List<(string, string?)> fields =
            [
                Owner(Pick(random, ["u-ava", "u-cy", "u-ghost"])), Created(Day(created)), Amount(random.Next(100, 5000).ToString(CultureInfo.InvariantCulture)),
                (CrmFields.Currency, Pick(random, ["USD", "EUR", "JPY"])),
            ];
            if (random.Next(5) > 0)
            {
                fields.Add(Account(Pick(random, ["acc-northwind", "acc-fabrikam", "acc-elsewhere"])));
            }

            var closed = Day(created.AddDays(random.Next(0, 200)));
            fields.AddRange(random.Next(3) switch { 0 => Won(closed), 1 => Lost(closed), _ => [Open(), (CrmFields.CloseDate, closed)] });
            deals.Add(Deal(string.Create(CultureInfo.InvariantCulture, $"d{i}"), [.. fields]));
        }

        return deals;
    }

    private static List<CrmRecord> RandomCases(Random random)
    {
        var cases = new List<CrmRecord>();
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            var opened = RangeStart.AddDays(random.Next(RangeDays));
            cases.Add(Case(string.Create(CultureInfo.InvariantCulture, $"k{i}"),
            [
                Owner(Pick(random, ["u-ava", "u-cy"])), (CrmFields.OpenedAt, Day(opened) + "T08:00:00Z"),
                (CrmFields.ResolvedAt, Day(opened.AddDays(random.Next(0, 30))) + "T17:00:00Z"), (CrmFields.Csat, "4"),
            ]));
        }

        return cases;
    }

    private static string Day(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string[] Some(Random random, string[] values, bool atLeastOne = false)
    {
        var some = values.Where(_ => random.Next(3) == 0).ToArray();
        return some.Length == 0 && atLeastOne ? [Pick(random, values)] : some;
    }
}
