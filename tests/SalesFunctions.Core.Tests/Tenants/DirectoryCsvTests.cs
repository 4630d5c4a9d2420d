using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Tests.Tenants;

public sealed class DirectoryCsvTests
{
    [Fact]
    public void ParseAccounts_WhenColumnsAreInAnyOrderAndCase_ReadsEveryFirmographic()
    {
        var csv = "Name,ID,domains,Country,region,postalcode,industry,employees,annualRevenue\r\n"
            + "\"Northwind, Inc.\",acc-1,northwind.example;northwind-group.example,DE,BY,80331,Retail,1200,350000000.50\r\n"
            + "Globex,acc-2,globex.example,,,,,,\r\n";

        var parsed = DirectoryCsv.ParseAccounts(csv);

        Assert.Empty(parsed.Errors);
        var northwind = parsed.Items[0];
        Assert.Equal(("acc-1", "Northwind, Inc.", "DE", "BY", "80331", "Retail", 1200, 350000000.50m),
            (northwind.Id, northwind.Name, northwind.Country, northwind.Region, northwind.PostalCode, northwind.Industry, northwind.Employees, northwind.AnnualRevenue));
        Assert.Equal(["northwind.example", "northwind-group.example"], northwind.Domains);
        Assert.Equal((null, null), (parsed.Items[1].Country, parsed.Items[1].Employees));
    }

    [Theory]
    [InlineData("id,name,domains,owner\nacc-1,N,n.example,x", 1, "unknown column 'owner'")]
    [InlineData("id,name\nacc-1,N", 1, "column 'domains' is required")]
    [InlineData("id,name,domains,id\nacc-1,N,n.example,acc-1", 1, "column 'id' appears more than once")]
    [InlineData("id,name,domains\nacc-1,N,n.example\nacc-2,G", 3, "2 fields where the header has 3")]
    [InlineData("id,name,domains\nacc-1,,n.example", 2, "name is empty")]
    [InlineData("id,name,domains,employees\nacc-1,N,n.example,many", 2, "employees 'many' is not a non-negative number")]
    [InlineData("id,name,domains,annualRevenue\nacc-1,N,n.example,-5", 2, "annualRevenue '-5'")]
    [InlineData("id,name,domains\nacc-1,N,\" ; \"", 2, "at least one domain")]
    [InlineData("id,name,domains\nacc-1,\"N,n.example", 2, "never closed")]
    [InlineData("", 1, "the file is empty")]
    public void ParseAccounts_WhenAnythingIsWrong_ReportsTheLineAndImportsNothingOfThatRow(string csv, int line, string message)
    {
        var parsed = DirectoryCsv.ParseAccounts(csv);

        var error = Assert.Single(parsed.Errors);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseContacts_WhenValid_ReadsOptionalColumnsAndRejectsDisplayNameAddresses()
    {
        var csv = "email,accountId,name,title,role\npat@gmail.com,acc-1,Pat Doe,CFO,economic buyer\nkim@northwind.example,acc-1,,,\n\"Kim <kim@x.example>\",acc-1,,,\n";

        var parsed = DirectoryCsv.ParseContacts(csv);

        Assert.Equal(2, parsed.Items.Count);
        Assert.Equal(("Pat Doe", "CFO", "economic buyer"), (parsed.Items[0].Name, parsed.Items[0].Title, parsed.Items[0].Role));
        Assert.Null(parsed.Items[1].Title);
        Assert.Equal(4, Assert.Single(parsed.Errors).Line);
    }
}
