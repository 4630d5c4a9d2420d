using PhoneNumbers;

namespace SalesFunctions.Core.Activities;

/// <summary>
/// Phone numbers in one form, E.164 (+14155550100), through libphonenumber, so that "+1 (415) 555-0100", "004141…" dialled
/// from a region and a CRM's "415-555-0100" meet. A participant known only by number is keyed "tel:" + E.164 (RFC 3966),
/// a form no email address takes.
/// </summary>
public static class E164Numbers
{
    public const string Scheme = "tel:";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// The E.164 form of <paramref name="raw"/>, or null when it is no possible number. A number without a country code
    /// needs <paramref name="defaultRegion"/> (ISO 3166 alpha-2, the tenant directory's phoneRegion); without one it is
    /// not guessed.
    /// </summary>
    public static string? Normalise(string? raw, string? defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Trim();
        if (text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            text = text[Scheme.Length..];
        }

        try
        {
            var number = Util.Parse(text, string.IsNullOrWhiteSpace(defaultRegion) ? "ZZ" : defaultRegion.Trim().ToUpperInvariant());
            return Util.IsPossibleNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="region"/> is an ISO 3166 region libphonenumber knows.</summary>
    public static bool IsRegion(string region) => Util.GetSupportedRegions().Contains(region.Trim().ToUpperInvariant());

    /// <summary>The participant key of a number already in E.164.</summary>
    public static string Key(string e164) => Scheme + e164;

    public static bool IsKey(string participantKey) => participantKey.StartsWith(Scheme, StringComparison.Ordinal);

    /// <summary>The country calling code of an E.164 number ("+44"): what the unmatched list shows instead of the number.</summary>
    public static string CountryPrefix(string e164)
    {
        try
        {
            return "+" + Util.Parse(e164, "ZZ").CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (NumberParseException)
        {
            return "+";
        }
    }
}
