using SalesFunctions.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddSalesFunctionsHost();

var app = builder.Build();
app.MapSalesFunctions();
app.Run();

/// <summary>Entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
