namespace SalesFunctions.Core.Scoring;

/// <summary>Per tenant, when the latest whole-history rematch that completed had started.</summary>
public interface IRematchWatermarks
{
    Task<DateTimeOffset?> GetAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Records <paramref name="startedAt"/> unless a later start is already recorded.</summary>
    Task AdvanceAsync(string tenantId, DateTimeOffset startedAt, CancellationToken cancellationToken);
}
