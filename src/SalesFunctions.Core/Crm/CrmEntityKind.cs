namespace SalesFunctions.Core.Crm;

public enum CrmEntityKind
{
    Account,
    Contact,
    Deal,
    Case,
}
