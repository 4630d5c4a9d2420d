namespace SalesFunctions.Simulator.Graph;

public sealed record PublishSummary(int ItemsWritten, int Notifications, int Duplicates, int Requests, int FailedRequests);
