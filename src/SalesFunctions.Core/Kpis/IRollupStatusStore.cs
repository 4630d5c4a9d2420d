namespace SalesFunctions.Core.Kpis;

public interface IRollupStatusStore
{
    Task SaveAsync(RollupRun run, CancellationToken cancellationToken);

    Task<RollupRun?> GetLastAsync(CancellationToken cancellationToken);
}
