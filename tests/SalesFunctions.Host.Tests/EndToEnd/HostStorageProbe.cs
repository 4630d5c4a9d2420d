using SalesFunctions.Core.Sync;
using SalesFunctions.Simulator.Organisation;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Host.Tests.EndToEnd;

/// <summary>Reads a stopped Host's storage directly, to see what it left behind.</summary>
internal sealed class HostStorageProbe(string prefix)
{
    public async Task<IReadOnlyList<SyncState>> SyncStatesAsync()
    {
        await using var services = await AzuriteStorage.CreateServicesAsync(prefix);
        return await services.GetRequiredService<ISyncStateStore>().ListAsync(DemoOrganisation.TenantId, CancellationToken.None);
    }
}
