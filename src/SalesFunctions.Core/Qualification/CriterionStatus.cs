namespace SalesFunctions.Core.Qualification;

/// <summary>Ordered weakest to strongest, so the best of several rules is the maximum.</summary>
public enum CriterionStatus
{
    Unknown,
    Partial,
    Met,
}
