using System.Globalization;
using System.Numerics;

namespace SalesFunctions.Core.Territories;

/// <summary>An inclusive range; an absent bound is open (e.g. enterprise = employees from 1000 on).</summary>
public sealed record Band<T>(T? Min, T? Max)
    where T : struct, INumber<T>
{
    public bool Contains(T value) => (Min is not { } min || value >= min) && (Max is not { } max || value <= max);

    public override string ToString() => (Min, Max) switch
    {
        ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $"{min}-{max}"),
        ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $"{min}+"),
        (null, { } max) => string.Create(CultureInfo.InvariantCulture, $"up to {max}"),
        _ => "any",
    };
}
