using Microsoft.Extensions.Options;

namespace SalesFunctions.Core.Tests.Fakes;

/// <summary>Options that never change during a test.</summary>
internal sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
