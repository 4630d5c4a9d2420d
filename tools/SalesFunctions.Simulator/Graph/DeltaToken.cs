using System.Text;
using System.Text.Json;

namespace SalesFunctions.Simulator.Graph;

/// <summary>
/// The opaque state behind $skiptoken and $deltatoken: which sequence numbers a round covers and the query it was
/// started with (Graph encodes the original parameters in its tokens; clients must not re-send them).
/// </summary>
public sealed record DeltaToken(long After, long Until, string? Select, DateTimeOffset? Start, DateTimeOffset? End, int Generation = 0)
{
    public string Encode() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static DeltaToken? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - (base64.Length % 4)) % 4);
            return JsonSerializer.Deserialize<DeltaToken>(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
