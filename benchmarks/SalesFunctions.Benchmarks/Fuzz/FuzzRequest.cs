namespace SalesFunctions.Benchmarks.Fuzz;

/// <summary>One generated request: what to send, and where it came from so that it can be generated again.</summary>
/// <param name="Route">The registry function it was generated for.</param>
/// <param name="Index">Its number among the requests of that route; with the run's seed it regenerates the same request.</param>
public sealed record FuzzRequest(string Route, int Index, string Method, string PathAndQuery, byte[]? Body, string? ContentType, IReadOnlyDictionary<string, string> Headers, string Strategy)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), PathAndQuery);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }
}
