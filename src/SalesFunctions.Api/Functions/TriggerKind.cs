namespace SalesFunctions.Core.Functions;

public enum TriggerKind
{
    Http,
    Queue,
    Timer,
}
