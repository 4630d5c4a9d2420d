namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>What the customer KPIs read of won deals on directory accounts, each list ascending by day.</summary>
internal sealed class CustomerWins
{
    /// <summary>
    /// The won deal days (whatever the currency), ascending, on which an account won nothing in the
    /// <see cref="KpiCatalogue.HistoryWindowDays"/> days before, one per account and day: new or returning customers.
    /// </summary>
    public int[] NewCustomerDays { get; private init; } = [];

    /// <summary>Won deals on accounts with a converted amount, by close day: the days, and the running revenue after each.</summary>
    public int[] ConvertedWonDays { get; private init; } = [];

    public decimal[] ConvertedWonRunningRevenue { get; private init; } = [];

    /// <summary>
    /// The accounts the revenue above was won on, as spans of the days whose lifetime window (the
    /// <see cref="KpiCatalogue.HistoryWindowDays"/> days ending on that day) holds a converted win of the account: the
    /// first days and the last days of the spans, each ascending. An account's spans do not overlap, so the accounts of
    /// a day's window are the spans begun by then less those ended before it.
    /// </summary>
    public int[] CustomerFromDays { get; private init; } = [];

    public int[] CustomerUntilDays { get; private init; } = [];

    /// <param name="won">Won deals by close day, account number (below <paramref name="accountCount"/>) and converted amount.</param>
    public static CustomerWins Of(List<(int Day, int Account, decimal? Amount)> won, int accountCount)
    {
        won.Sort((a, b) => a.Day.CompareTo(b.Day));
        var lastWon = new int[accountCount];
        Array.Fill(lastWon, int.MinValue);
        var newCustomers = new List<int>();
        foreach (var (day, account, _) in won)
        {
            if (lastWon[account] < day - KpiCatalogue.HistoryWindowDays)
            {
                newCustomers.Add(day);
            }

            lastWon[account] = day;
        }

        var converted = won.Where(w => w.Amount is not null).ToList();
        var running = new decimal[converted.Count];
        var total = 0m;
        for (var i = 0; i < converted.Count; i++)
        {
            running[i] = total += converted[i].Amount!.Value;
        }

        // A win keeps its account in the lifetime window of its own day and the 364 after; wins whose spans meet or
        // overlap extend one span, so each account is counted once per day.
        var spanUntil = new int[accountCount];
        Array.Fill(spanUntil, int.MinValue);
        var (from, until) = (new List<int>(), new List<int>());
        foreach (var (day, account, _) in converted)
        {
            if (spanUntil[account] < day - 1)
            {
                if (spanUntil[account] != int.MinValue)
                {
                    until.Add(spanUntil[account]);
                }

                from.Add(day);
            }

            spanUntil[account] = day + KpiCatalogue.HistoryWindowDays - 1;
        }

        until.AddRange(spanUntil.Where(d => d != int.MinValue));
        until.Sort();
        return new CustomerWins
        {
            NewCustomerDays = [.. newCustomers],
            ConvertedWonDays = [.. converted.Select(w => w.Day)],
            ConvertedWonRunningRevenue = running,
            CustomerFromDays = [.. from],
            CustomerUntilDays = [.. until],
        };
    }
}
