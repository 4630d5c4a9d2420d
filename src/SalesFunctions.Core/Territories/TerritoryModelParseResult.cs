using System.Diagnostics.CodeAnalysis;

namespace SalesFunctions.Core.Territories;

/// <summary>Either a compiled, valid model or the errors that kept it from being one; never both.</summary>
public sealed record TerritoryModelParseResult(CompiledTerritoryModel? Model, IReadOnlyList<TerritoryError> Errors)
{
    [MemberNotNullWhen(true, nameof(Model))]
    public bool Succeeded => Model is not null;
}
