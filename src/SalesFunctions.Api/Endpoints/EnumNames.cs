namespace SalesFunctions.Api.Endpoints;

/// <summary>Query values that name an enum member.</summary>
public static class EnumNames
{
    /// <summary>A member's name in any case; Enum.TryParse alone would also take "7" or "1,2".</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);
}
