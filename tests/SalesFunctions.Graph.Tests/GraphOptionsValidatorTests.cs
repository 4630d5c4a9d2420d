namespace SalesFunctions.Graph.Tests;

public sealed class GraphOptionsValidatorTests
{
    [Theory]
    [InlineData(GraphAuthentication.None, "https://graph.microsoft.com/v1.0", null, null, null, false)]
    [InlineData(GraphAuthentication.None, "http://127.0.0.1:7072/v1.0", null, null, null, true)]
    [InlineData(GraphAuthentication.ClientSecret, "https://graph.microsoft.com/v1.0", "app", null, null, false)]
    [InlineData(GraphAuthentication.ClientSecret, "https://graph.microsoft.com/v1.0", "app", "secret", null, true)]
    [InlineData(GraphAuthentication.Certificate, "https://graph.microsoft.com/v1.0", "app", null, null, false)]
    [InlineData(GraphAuthentication.Certificate, "https://graph.microsoft.com/v1.0", "app", null, "/certs/app.pfx", true)]
    public void Validate_WhenSettingsGiven_AcceptsOnlyCompleteAndSafeOnes(
        GraphAuthentication authentication, string baseUrl, string? clientId, string? secret, string? certificate, bool valid)
    {
        var options = new GraphOptions { Authentication = authentication, BaseUrl = new Uri(baseUrl), ClientId = clientId, ClientSecret = secret, CertificatePath = certificate };

        var result = new GraphOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
    }
}
