namespace SalesFunctions.Core.Capture;

/// <summary>The request body is not a Graph notification collection; the HTTP edge answers 400.</summary>
public sealed class InvalidNotificationException : Exception
{
    public InvalidNotificationException()
    {
    }

    public InvalidNotificationException(string message)
        : base(message)
    {
    }

    public InvalidNotificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
