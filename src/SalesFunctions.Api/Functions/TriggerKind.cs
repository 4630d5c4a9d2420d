namespace SalesFunctions.Api.Functions;

public enum TriggerKind
{
    Http,
    Queue,
    Timer,
}
