namespace SalesFunctions.Core.Crm;

/// <summary>
/// A webhook request as it arrived: the raw body bytes (every signature is over them, never over re-serialised JSON),
/// the URL as the sender called it, headers and query.
/// </summary>
public sealed record CrmRequest(
    string Method,
    Uri Url,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Query,
    ReadOnlyMemory<byte> Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;
}
