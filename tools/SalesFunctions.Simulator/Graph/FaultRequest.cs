namespace SalesFunctions.Simulator.Graph;

public sealed record FaultRequest(int ThrottleNextRequests, int RetryAfterSeconds = 1, int Status = 429);
