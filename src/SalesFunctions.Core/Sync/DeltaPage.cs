using SalesFunctions.Core.Capture;

namespace SalesFunctions.Core.Sync;

/// <summary>One page of a delta round. A page has a next link or a delta link, never both.</summary>
public sealed record DeltaPage(
    IReadOnlyList<MessageMetadata> Messages,
    IReadOnlyList<EventMetadata> Events,
    int Removed,
    string? NextLink,
    string? DeltaLink);
