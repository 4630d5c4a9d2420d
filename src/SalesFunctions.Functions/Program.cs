using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using SalesFunctions.Api.SignIn;
using SalesFunctions.Core;
using SalesFunctions.Functions;
using SalesFunctions.Graph;
using SalesFunctions.Storage;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ErrorBoundaryMiddleware>();
builder.UseMiddleware<SignInMiddleware>();
builder.Services.AddSalesFunctionsCore();
builder.Services.AddSalesFunctionsStorage(builder.Configuration);
builder.Services.AddSalesFunctionsGraph(builder.Configuration);
builder.Services.AddSalesFunctionsSignIn(builder.Environment);
builder.Build().Run();
