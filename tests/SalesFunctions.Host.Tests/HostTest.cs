namespace SalesFunctions.Host.Tests;

/// <summary>
/// A test class that runs against its own Host, started fresh for each test (xUnit makes an instance per test) with
/// the class's settings, seeded by <see cref="SeedAsync"/>, and stopped after it.
/// </summary>
/// <param name="settings">The Host's settings over <see cref="HostUnderTest.StartAsync"/>'s.</param>
public abstract class HostTest(IDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    protected HostUnderTest Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await HostUnderTest.StartAsync(settings);
        await SeedAsync();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>What each test starts from, written through the Host (a directory, stored cells).</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;
}
