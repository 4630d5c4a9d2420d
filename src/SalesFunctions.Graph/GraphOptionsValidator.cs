using Microsoft.Extensions.Options;

namespace SalesFunctions.Graph;

public sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options) => options.Authentication switch
    {
        GraphAuthentication.None when !options.BaseUrl.IsLoopback =>
            ValidateOptionsResult.Fail("Graph:Authentication=None is only allowed with a loopback Graph:BaseUrl (the simulator)."),
        GraphAuthentication.ClientSecret when string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret) =>
            ValidateOptionsResult.Fail("Graph:ClientId and Graph:ClientSecret are required for Graph:Authentication=ClientSecret."),
        GraphAuthentication.Certificate when string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.CertificatePath) =>
            ValidateOptionsResult.Fail("Graph:ClientId and Graph:CertificatePath are required for Graph:Authentication=Certificate."),
        _ => ValidateOptionsResult.Success,
    };
}
