namespace SalesFunctions.Simulator.Graph;

/// <summary>One change in a folder's history: an item arrived, or (Removed) it left by a move or a delete.</summary>
public sealed record FolderEntry(long Sequence, ItemCopy Copy, bool Removed);
