namespace SalesFunctions.Simulator.Graph;

/// <param name="Key">The well-known name of an Outlook folder, or the simulator's own key of a filed one.</param>
/// <param name="Parent">The key of the parent folder; null at the top of the mailbox.</param>
public sealed record SimFolder(string Key, string DisplayName, string? Parent);
