namespace SalesFunctions.Simulator.Graph;

/// <param name="ExpireDeltaTokens">Makes every delta token issued so far expire, as Exchange's cache eviction does.</param>
/// <param name="DelayMs">Latency added to every Graph request from now on (0 removes it).</param>
public sealed record FaultRequest(int ThrottleNextRequests = 0, int RetryAfterSeconds = 1, int Status = 429, bool ExpireDeltaTokens = false, int? DelayMs = null);
