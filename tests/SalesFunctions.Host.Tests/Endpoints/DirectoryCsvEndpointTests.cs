using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Host.Tests.Endpoints;

/// <summary>Accounts, contacts and reps imported as CSV over real HTTP into a directory stored in Azurite.</summary>
public sealed class DirectoryCsvEndpointTests() : HostTest
{
    private const string Tenant = "tenant-csv";

    protected override async Task SeedAsync()
    {
        await Host.ImportDirectoryAsync(Tenant, [HostUnderTest.Northwind], []);
    }

    [Fact]
    public async Task PutCsv_WhenAccountsThenContactsAreValid_ReplacesEachListAndKeepsTheRest()
    {
        using var accounts = await PutAsync("accounts", "id,name,domains,country,employees\nacc-1,Northwind,northwind.example,DE,1200\nacc-2,\"Globex, Ltd\",globex.example eu.globex.example,GB,40\n");
        using var contacts = await PutAsync("contacts", "email,accountId,title\npat@gmail.com,acc-2,CFO\n");

        Assert.Equal(HttpStatusCode.OK, accounts.StatusCode);
        Assert.Equal(2, (await accounts.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
        Assert.Equal(HttpStatusCode.OK, contacts.StatusCode);
        var stored = (await Host.Service<ITenantDirectoryStore>().GetAsync(Tenant, CancellationToken.None))!;
        Assert.Equal(("Globex, Ltd", "GB", 40), (stored.AccountById("acc-2")!.Name, stored.AccountById("acc-2")!.Country, stored.AccountById("acc-2")!.Employees));
        Assert.Equal(("acc-2", "CFO"), (stored.ContactByEmail("pat@gmail.com")!.AccountId, stored.ContactByEmail("pat@gmail.com")!.Title));
        Assert.Equal("rep-01", Assert.Single(stored.Reps).Id);
    }

    [Fact]
    public async Task PutCsv_WhenRowsAreInvalid_Answers400WithEveryLineAndStoresNothing()
    {
        using var response = await PutAsync("accounts", "id,name,domains,employees\nacc-1,Northwind,northwind.example,12\nacc-2,,globex.example,\nacc-3,Initech,initech.example,lots\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([3, 4], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        var stored = (await Host.Service<ITenantDirectoryStore>().GetAsync(Tenant, CancellationToken.None))!;
        Assert.Null(stored.AccountById("acc-1")!.Employees);
    }

    [Fact]
    public async Task PutCsv_WhenTheDirectoryWouldBeInvalid_Answers400AndStoresNothing()
    {
        // Replacing the accounts must not orphan a contact: the whole directory is validated before it is stored.
        using var contacts = await PutAsync("contacts", "email,accountId\npat@gmail.com,acc-1\n");
        using var response = await PutAsync("accounts", "id,name,domains\nacc-9,Other,other.example\n");

        Assert.Equal(HttpStatusCode.OK, contacts.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("acc-1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull((await Host.Service<ITenantDirectoryStore>().GetAsync(Tenant, CancellationToken.None))!.AccountById("acc-1"));
    }

    [Fact]
    public async Task PutCsv_WhenRepsCarryAliases_StoresEveryAddressAndMatchesTheRepOnEach()
    {
        using var response = await PutAsync("reps", "email,id,teamId,name,aliases\nava@contoso-sales.example,rep-01,team-a,Ava,ava.stone@contoso-sales.example;a.stone@contoso-sales.example\nben@contoso-sales.example,rep-02,team-a,Ben,\n");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (await Host.Service<ITenantDirectoryStore>().GetAsync(Tenant, CancellationToken.None))!;
        Assert.Equal(["rep-01", "rep-02"], stored.Reps.Select(r => r.Id));
        Assert.Equal(["ava.stone@contoso-sales.example", "a.stone@contoso-sales.example"], stored.Reps[0].Aliases);
        Assert.Equal("rep-01", stored.RepByEmail("a.stone@contoso-sales.example")?.Id);
        Assert.NotNull(stored.AccountById("acc-1"));
    }

    [Theory]
    [InlineData("id,email,name,teamId\nrep-01,ava@contoso-sales.example,Ava,team-zz\n", "team-zz")]
    [InlineData("id,email,name,teamId,aliases\nrep-01,ava@contoso-sales.example,Ava,team-a,\nrep-02,ben@contoso-sales.example,Ben,team-a,ava@contoso-sales.example\n", "ava@contoso-sales.example")]
    [InlineData("id,email,name,teamId,alias\nrep-01,ava@contoso-sales.example,Ava,team-a,x@y.example\n", "unknown column 'alias'")]
    [InlineData("id,email,name,teamId,aliases\nrep-01,ava@contoso-sales.example,Ava,team-a,Ava <a@b.example>\n", "line 2")]
    public async Task PutCsv_WhenRepsAreInvalid_Answers400NamingTheFaultAndKeepsTheStoredReps(string csv, string named)
    {
        using var response = await PutAsync("reps", csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = (await Host.Service<ITenantDirectoryStore>().GetAsync(Tenant, CancellationToken.None))!;
        Assert.Equal(("rep-01", 0), (Assert.Single(stored.Reps).Id, stored.Reps[0].Aliases.Count));
    }

    [Theory]
    [InlineData(Tenant, "deals", HttpStatusCode.NotFound)]
    [InlineData("nobody", "accounts", HttpStatusCode.NotFound)]
    [InlineData("bad id!", "accounts", HttpStatusCode.Forbidden)]
    public async Task PutCsv_WhenListOrTenantIsUnknown_AnswersAProblem(string tenant, string list, HttpStatusCode expected)
    {
        using var response = await Host.Client.PutAsync($"/api/admin/tenants/{Uri.EscapeDataString(tenant)}/directory/{list}",
            new StringContent("id,name,domains\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private Task<HttpResponseMessage> PutAsync(string list, string csv) =>
        Host.Client.PutAsync($"/api/admin/tenants/{Tenant}/directory/{list}", new StringContent(csv, Encoding.UTF8, "text/csv"));
}
