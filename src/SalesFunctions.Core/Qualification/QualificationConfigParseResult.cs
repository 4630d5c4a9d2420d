using System.Diagnostics.CodeAnalysis;

namespace SalesFunctions.Core.Qualification;

/// <summary>Either a valid configuration or the errors that kept it from being one; never both.</summary>
public sealed record QualificationConfigParseResult(QualificationConfig? Config, IReadOnlyList<QualificationError> Errors)
{
    [MemberNotNullWhen(true, nameof(Config))]
    public bool Succeeded => Config is not null;
}
