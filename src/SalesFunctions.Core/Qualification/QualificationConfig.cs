namespace SalesFunctions.Core.Qualification;

/// <summary>
/// A tenant's validated qualification configuration: the frameworks (built-ins, overridden or extended by the
/// tenant's), the frameworks each pipeline uses, the score that counts as qualified and how far back activities are
/// read (the caller loads activities from AsOf minus <see cref="LookbackDays"/>).
/// </summary>
public sealed record QualificationConfig(
    int Threshold,
    int LookbackDays,
    IReadOnlyDictionary<string, Framework> Frameworks,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Pipelines)
{
    public const string DefaultPipeline = "default";
    public const int DefaultThreshold = 70;
    public const int DefaultLookbackDays = 90;

    /// <summary>The frameworks of <paramref name="pipeline"/>, or of the default pipeline when it has none of its own.</summary>
    public IReadOnlyList<Framework> FrameworksFor(string? pipeline) =>
        (pipeline is not null && Pipelines.TryGetValue(pipeline, out var ids) ? ids : Pipelines[DefaultPipeline])
            .Select(id => Frameworks[id])
            .ToList();
}
