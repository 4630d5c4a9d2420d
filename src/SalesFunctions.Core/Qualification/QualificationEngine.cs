namespace SalesFunctions.Core.Qualification;

/// <summary>
/// Scores a framework from evidence (docs/qualification.md). Pure: the same input gives the same result, and a past
/// AsOf gives the result as it was then, so scores and their history are recomputed from stored data, never stored.
/// </summary>
public static class QualificationEngine
{
    public static FrameworkScore Evaluate(Framework framework, QualificationInput input)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(input);
        var run = new FrameworkRun(framework, input);
        run.ObserveUntil(input.AsOf);
        return run.ResultAt(input.AsOf);
    }

    /// <summary>
    /// The score at every instant it changed up to AsOf, starting from 0 before any evidence, and the first instant it
    /// reached <paramref name="threshold"/>. The candidate instants are the activity times, the CRM field versions and
    /// the instants recency runs out (an activity's time plus days and twice days). Each activity is fed to the rules
    /// once and each instant costs one status read per rule: O(A·P + K·R + K log K) for A activities with P
    /// participants, K instants (at most A·(1 + 2·recency rules) plus the fields) and R rules.
    /// </summary>
    public static QualificationHistory History(Framework framework, QualificationInput input, int threshold)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(input);
        var run = new FrameworkRun(framework, input);
        var instants = run.Activities.Select(activity => activity.OccurredAt)
            .Concat(run.States.SelectMany(state => state.ChangeInstants(run.Activities)))
            .Where(instant => instant <= input.AsOf)
            .Distinct()
            .Order();

        var points = new List<ScorePoint>();
        var previous = 0;
        DateTimeOffset? qualifiedOn = null;
        foreach (var instant in instants)
        {
            run.ObserveUntil(instant);
            var score = run.ScoreAt(instant);
            if (score != previous)
            {
                points.Add(new ScorePoint(instant, score));
                previous = score;
            }

            if (qualifiedOn is null && score >= threshold && points.Count > 0)
            {
                qualifiedOn = instant;
            }
        }

        return new QualificationHistory(points, qualifiedOn);
    }
}
