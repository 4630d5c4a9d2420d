using System.Net;
using System.Text.Json;
using SalesFunctions.Api.Functions;
using SalesFunctions.Storage;

namespace SalesFunctions.Benchmarks.Fuzz;

/// <summary>
/// Sends the generated requests of every HTTP route over real HTTP and checks each answer: never a 5xx, a problem body
/// on every 4xx. Storage is compared around the requests that must not write (every refusal, every read): a snapshot
/// is taken after each request that was accepted and may write, and compared every <c>checkEvery</c> requests since.
/// </summary>
public sealed class FuzzRunner(HttpClient client, StorageClients storage, string prefix, string bearerToken)
{
    /// <summary>Every HTTP route of the registry; a new route is fuzzed without any change here.</summary>
    public static IReadOnlyList<FunctionDefinition> Routes { get; } = [.. FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Http)];

    public async Task<FuzzReport> RunAsync(IReadOnlyList<FunctionDefinition> routes, int requestsPerRoute, int seed, int checkEvery, Action<string> log, CancellationToken cancellationToken, int firstIndex = 0)
    {
        var findings = new List<FuzzFinding>();
        var byStatus = new SortedDictionary<int, int>();
        int requests = 0, serverErrors = 0, missingProblems = 0, storageChanges = 0, noAnswers = 0, resent = 0;
        var baseline = await StorageSnapshot.TakeAsync(storage, prefix, cancellationToken);
        foreach (var route in routes)
        {
            var sinceCheck = new List<int>();
            for (var i = firstIndex; i < firstIndex + requestsPerRoute; i++)
            {
                var request = FuzzRequestGenerator.Create(route, seed, i, bearerToken);
                requests++;
                var (status, problem, writes, detail) = await SendAsync(request, cancellationToken);
                byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                if (status == 0)
                {
                    noAnswers++;
                    findings.Add(new FuzzFinding("no answer", route.Name, [i], $"{request.Strategy}: {detail}"));
                }
                else if (status >= 500)
                {
                    serverErrors++;
                    findings.Add(new FuzzFinding($"{status}", route.Name, [i], $"{request.Method} {Shorten(request.PathAndQuery)} ({request.Strategy}): {Shorten(detail)}"));
                }
                else if (status >= 400 && !problem)
                {
                    missingProblems++;
                    findings.Add(new FuzzFinding($"{status} without a problem body", route.Name, [i], $"{request.Method} {Shorten(request.PathAndQuery)} ({request.Strategy})"));
                }

                if (writes)
                {
                    // What an accepted request wrote is its own business. The refused ones since the last comparison ran
                    // before it and cannot be told apart from it: they are sent again on top of the new baseline.
                    baseline = await StorageSnapshot.TakeAsync(storage, prefix, cancellationToken);
                    var again = sinceCheck.ToList();
                    sinceCheck.Clear();
                    foreach (var j in again)
                    {
                        resent++;
                        if ((await SendAsync(FuzzRequestGenerator.Create(route, seed, j, bearerToken), cancellationToken)).Writes)
                        {
                            baseline = await StorageSnapshot.TakeAsync(storage, prefix, cancellationToken);
                            sinceCheck.Clear();
                        }
                        else
                        {
                            sinceCheck.Add(j);
                        }
                    }
                }
                else
                {
                    sinceCheck.Add(i);
                }

                if (sinceCheck.Count >= checkEvery)
                {
                    if (await CheckAsync(route, sinceCheck, baseline, findings, cancellationToken) is { } changed)
                    {
                        storageChanges++;
                        baseline = changed;
                    }

                    sinceCheck.Clear();
                }
            }

            if (await CheckAsync(route, sinceCheck, baseline, findings, cancellationToken) is { } last)
            {
                storageChanges++;
                baseline = last;
            }

            var found = findings.Count(f => f.Route == route.Name);
            log($"  {route.Name,-26} {route.Methods![0],-6} /api/{route.Route}: {requestsPerRoute} requests, {found} findings");
            foreach (var finding in findings.Where(f => f.Route == route.Name).Take(5))
            {
                log($"    {finding.Kind} at {string.Join(',', finding.Indexes.Take(10))}: {Shorten(finding.Detail)}");
            }
        }

        return new FuzzReport(requests, routes.Count, serverErrors, missingProblems, storageChanges, noAnswers, resent, byStatus, findings);
    }

    /// <summary>Sends one request: its status (0 for no answer), whether a 4xx carried a problem body, and whether it may have written.</summary>
    public async Task<(int Status, bool Problem, bool Writes, string Detail)> SendAsync(FuzzRequest request, CancellationToken cancellationToken)
    {
        using var message = request.ToMessage();
        // A route refuses a body over its cap before reading it; with 100-continue the client hears that answer instead
        // of writing into a closed connection (the runner's HttpClient must wait for it: SocketsHttpHandler.Expect100ContinueTimeout).
        message.Headers.ExpectContinue = message.Content is not null;
        try
        {
            using var response = await client.SendAsync(message, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json" && IsProblem(body);
            return (status, problem, MayWrite(request, response.StatusCode, body), body);
        }
        catch (HttpRequestException e)
        {
            return (0, false, true, e.Message);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return (0, false, true, "timed out: " + e.Message);
        }
    }

    /// <summary>
    /// A success of a route that changes things. Graph answers 202 to forged items too (it must not learn which were
    /// refused): those wrote only when the answer counts an accepted item.
    /// </summary>
    private static bool MayWrite(FuzzRequest request, HttpStatusCode status, string body)
    {
        if ((int)status >= 300 || request.Method == "GET")
        {
            return false;
        }

        if (request.Route is not (nameof(FunctionRegistry.GraphNotifications) or nameof(FunctionRegistry.GraphLifecycle)))
        {
            return true;
        }

        // Graph's validation handshake: an echo, nothing stored.
        if (status == HttpStatusCode.OK && request.PathAndQuery.Contains("validationToken=", StringComparison.Ordinal))
        {
            return false;
        }

        if (status == HttpStatusCode.Accepted)
        {
            try
            {
                return JsonDocument.Parse(body).RootElement.GetProperty("accepted").GetInt32() > 0;
            }
            catch (JsonException)
            {
                return true;
            }
        }

        return true;
    }

    private static bool IsProblem(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("status", out _) && document.RootElement.TryGetProperty("title", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A new snapshot when the requests since the baseline changed storage (and a finding naming them); null when nothing changed.</summary>
    private async Task<StorageSnapshot?> CheckAsync(FunctionDefinition route, List<int> indexes, StorageSnapshot baseline, List<FuzzFinding> findings, CancellationToken cancellationToken)
    {
        if (indexes.Count == 0)
        {
            return null;
        }

        var now = await StorageSnapshot.TakeAsync(storage, prefix, cancellationToken);
        var changes = baseline.Changes(now);
        if (changes.Count == 0)
        {
            return null;
        }

        findings.Add(new FuzzFinding("storage changed", route.Name, [.. indexes], string.Join("; ", changes.Take(5))));
        return now;
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
