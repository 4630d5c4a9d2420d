namespace SalesFunctions.Core.Scoring;

/// <summary>Which account an address belongs to, by which rung of the ladder, and how sure that is.</summary>
public sealed record AccountMatch(string AccountId, AccountMatchMethod Method)
{
    public double Confidence => Method switch
    {
        AccountMatchMethod.Contact or AccountMatchMethod.Phone => 1.0,
        AccountMatchMethod.Domain => 0.9,
        _ => 0.75,
    };

    public string Reason => Method switch
    {
        AccountMatchMethod.Contact => "the address is a contact of the account",
        AccountMatchMethod.Domain => "the address's domain belongs to the account",
        AccountMatchMethod.Phone => "the number is a contact's number at the account",
        _ => "a parent of the address's domain belongs to the account",
    };
}
