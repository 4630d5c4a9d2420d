namespace SalesFunctions.Host.Runtime;

/// <summary>Section "Listeners": lets a test or an HTTP-only replica run without queue and timer listeners.</summary>
public sealed class ListenerOptions
{
    public const string Section = "Listeners";

    public bool Enabled { get; set; } = true;
}
