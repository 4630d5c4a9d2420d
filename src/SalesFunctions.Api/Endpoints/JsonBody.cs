using System.Text.Json;

namespace SalesFunctions.Api.Endpoints;

/// <summary>JSON request bodies for the admin functions: null when absent or malformed, answered with a 400 problem.</summary>
public static class JsonBody
{
    public static async Task<T?> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await request.ReadFromJsonAsync<T>(cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static IResult Invalid<T>() =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request body", detail: $"The body must be a JSON {typeof(T).Name}.");
}
