namespace SalesFunctions.Graph;

public enum GraphAuthentication
{
    ClientSecret,
    Certificate,

    /// <summary>No token at all: only for the local simulator, and refused for any non-loopback base URL.</summary>
    None,
}
