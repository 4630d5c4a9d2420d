namespace SalesFunctions.Core.Crm;

/// <summary>What to answer a webhook: a success body in the provider's format, or a problem (4xx) with a reason.</summary>
public sealed record CrmIngressResult(int Status, string? Body = null, string? ContentType = null, string? ProblemTitle = null, string? ProblemDetail = null)
{
    public bool IsProblem => ProblemTitle is not null;

    public static CrmIngressResult Problem(int status, string title, string detail) => new(status, ProblemTitle: title, ProblemDetail: detail);
}
