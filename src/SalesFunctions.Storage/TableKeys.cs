using System.Globalization;
using System.Text;

namespace SalesFunctions.Storage;

/// <summary>
/// Table keys forbid '/', '\', '#', '?' and control characters. Ids that come from outside (Graph subscription ids,
/// activity ids) are escaped, so an odd id can never address another row or break a query; ours are validated.
/// </summary>
public static class TableKeys
{
    public static string Escape(string value)
    {
        if (value.All(IsAllowed))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (IsAllowed(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // '%' is escaped too, so that escaping is unambiguous.
    private static bool IsAllowed(char c) => c is not ('/' or '\\' or '#' or '?' or '%') && !char.IsControl(c);
}
