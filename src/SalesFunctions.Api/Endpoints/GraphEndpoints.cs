using System.Text;
using SalesFunctions.Core.Capture;

namespace SalesFunctions.Api.Endpoints;

public static class GraphEndpoints
{
    private const int MaxNotificationBytes = 1024 * 1024;

    /// <summary>
    /// POST graph/notifications. With ?validationToken= it is Graph's handshake: echo the decoded token as text/plain
    /// within 10 s. Otherwise authenticate and queue every item, then 202 within Graph's 3 s; if queueing fails the
    /// exception becomes a 500, and Graph retries for up to 4 hours.
    /// </summary>
    public static Task<IResult> NotificationsAsync(HttpRequest request, NotificationIntake intake, CancellationToken cancellationToken) =>
        AcceptAsync(request, intake.AcceptAsync, cancellationToken);

    /// <summary>
    /// POST graph/lifecycle: the same handshake, then lifecycle events (reauthorizationRequired, subscriptionRemoved,
    /// missed) authenticated by clientState and queued; 202 before any work, as Graph asks.
    /// </summary>
    public static Task<IResult> LifecycleAsync(HttpRequest request, NotificationIntake intake, CancellationToken cancellationToken) =>
        AcceptAsync(request, intake.AcceptLifecycleAsync, cancellationToken);

    private static async Task<IResult> AcceptAsync(
        HttpRequest request, Func<ReadOnlyMemory<byte>, CancellationToken, Task<IntakeResult>> accept, CancellationToken cancellationToken)
    {
        if (request.Query.TryGetValue("validationToken", out var token))
        {
            // The query string arrives URL-decoded; Graph requires the decoded token back.
            return Results.Text(token.ToString(), "text/plain", Encoding.UTF8, StatusCodes.Status200OK);
        }

        var body = await RequestBodies.ReadAsync(request, MaxNotificationBytes, cancellationToken);
        if (body is null)
        {
            return RequestBodies.TooLarge(MaxNotificationBytes);
        }

        try
        {
            return Results.Accepted(value: await accept(body, cancellationToken));
        }
        catch (InvalidNotificationException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a Graph change notification", detail: e.Message);
        }
    }
}
