using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Tests.Crm;

public sealed class CrmDirectoryTests
{
    private static readonly TenantDirectory Imported = TestData.Directory() with { Contacts = [new Contact("kim@northwind.example", "acc-northwind") { Title = "Buyer" }] };

    [Fact]
    public void Extend_WhenTheCrmKnowsACompanyTheImportDoesNot_AddsItAsAnAccountUnderItsCrmId()
    {
        var extended = CrmDirectory.Extend(Imported, [Company("hs", "9001", "Globex", "globex.example")], []);

        var globex = extended.AccountById("9001")!;
        Assert.Equal("Globex", globex.Name);
        Assert.Equal(["globex.example"], globex.Domains);
        Assert.Equal("9001", extended.AccountByEmail("x@eu.globex.example")?.Id);
        Assert.Equal(3, extended.Accounts.Count);
    }

    [Fact]
    public void Extend_WhenTheImportOwnsTheDomain_KeepsTheImportedAccountAndMapsTheCrmCompanyToIt()
    {
        var extended = CrmDirectory.Extend(Imported,
            [Company("hs", "77", "Northwind Traders", "northwind.example")],
            [Person("hs", "p1", "pat@gmail.com", "77", title: "CFO")]);

        Assert.Equal(2, extended.Accounts.Count);
        Assert.Equal("Northwind", extended.AccountById("acc-northwind")!.Name);
        Assert.Equal(("acc-northwind", "CFO"), (extended.ContactByEmail("pat@gmail.com")!.AccountId, extended.ContactByEmail("pat@gmail.com")!.Title));
    }

    [Fact]
    public void Extend_WhenTheCrmIdIsAnImportedAccountId_LendsItTheDomainsNobodyOwns()
    {
        var extended = CrmDirectory.Extend(Imported, [Company("sf", "acc-northwind", "Northwind", "northwind-traders.example;fabrikam.example")], []);

        Assert.Equal(["northwind.example", "northwind-traders.example"], extended.AccountById("acc-northwind")!.Domains);
        Assert.Equal("acc-fabrikam", extended.AccountByEmail("x@fabrikam.example")?.Id);
    }

    [Theory]
    [InlineData("gmail.com")]
    [InlineData("contoso-sales.example")]
    [InlineData("eu.contoso-sales.example")]
    [InlineData("")]
    public void Extend_WhenTheCompanysOnlyDomainIsFreeMailInternalOrMissing_AddsNoAccount(string domain)
    {
        var extended = CrmDirectory.Extend(Imported, [Company("hs", "5", "Odd", domain)], []);

        Assert.Equal(2, extended.Accounts.Count);
    }

    [Fact]
    public void Extend_WhenRecordsAreDeleted_LeavesThemOut()
    {
        var company = Company("hs", "9001", "Globex", "globex.example");
        company.Fields[CrmFields.Deleted] = new CrmFieldValue("true", DateTimeOffset.UnixEpoch);
        var person = Person("hs", "p1", "pat@gmail.com", "acc-northwind");
        person.Fields[CrmFields.Deleted] = new CrmFieldValue("true", DateTimeOffset.UnixEpoch);

        var extended = CrmDirectory.Extend(Imported, [company], [person]);

        Assert.Null(extended.AccountById("9001"));
        Assert.Null(extended.ContactByEmail("pat@gmail.com"));
    }

    [Fact]
    public void Extend_WhenContactsAreListedAlreadyInternalOrWithoutAPlacedCompany_AddsOnlyTheOthers()
    {
        var extended = CrmDirectory.Extend(Imported, [Company("hs", "9001", "Globex", "globex.example")],
        [
            Person("hs", "p1", "KIM@northwind.example", "9001", title: "Intern"),
            Person("hs", "p2", "legal@contoso-sales.example", "9001"),
            Person("hs", "p3", "sam@yahoo.com", "unknown-company"),
            Person("pd", "p4", "ann@yahoo.com", "9001"),
            Person("hs", "p5", "ann@yahoo.com", "9001", first: "Ann", last: "Lee"),
        ]);

        Assert.Equal("Buyer", extended.ContactByEmail("kim@northwind.example")!.Title);
        Assert.Null(extended.ContactByEmail("legal@contoso-sales.example"));
        Assert.Null(extended.ContactByEmail("sam@yahoo.com"));
        var ann = extended.ContactByEmail("ann@yahoo.com")!;
        Assert.Equal(("9001", "Ann Lee"), (ann.AccountId, ann.Name));
        Assert.Equal(2, extended.Contacts.Count);
    }

    [Fact]
    public void Extend_WhenTwoCrmsUseTheSameCompanyId_KeepsBothUnderDistinctIds()
    {
        var extended = CrmDirectory.Extend(Imported, [Company("hs", "42", "Globex", "globex.example"), Company("pd", "42", "Initech", "initech.example")],
            [Person("pd", "p1", "bill@initech.example", "42")]);

        Assert.Equal("42", extended.AccountByEmail("a@globex.example")?.Id);
        Assert.Equal("pd.42", extended.AccountByEmail("a@initech.example")?.Id);
        Assert.Equal("pd.42", extended.ContactByEmail("bill@initech.example")?.AccountId);
        Assert.Empty(extended.Validate());
    }

    [Fact]
    public void Extend_WhenTheImportedDirectoryWasAlreadyIndexed_TheExtensionIndexesItsOwnLists()
    {
        Assert.Null(Imported.AccountByEmail("x@globex.example"));

        var extended = CrmDirectory.Extend(Imported, [Company("hs", "9001", "Globex", "globex.example")], []);

        Assert.Equal("9001", extended.AccountByEmail("x@globex.example")?.Id);
    }

    private static CrmRecord Company(string connector, string id, string name, string domains) => Record(connector, CrmEntityKind.Account, id,
        (CrmFields.Name, name), (CrmFields.Domains, domains));

    private static CrmRecord Person(string connector, string id, string email, string accountId, string? title = null, string? first = null, string? last = null) =>
        Record(connector, CrmEntityKind.Contact, id, (CrmFields.Email, email), (CrmFields.AccountId, accountId), (CrmFields.Title, title), (CrmFields.FirstName, first), (CrmFields.LastName, last));

    private static CrmRecord Record(string connector, CrmEntityKind kind, string id, params (string Name, string? Value)[] fields)
    {
        var record = new CrmRecord(TestData.Tenant, connector, kind, id);
        record.Apply(new CrmChange("e-" + id, kind, id, DateTimeOffset.UnixEpoch, fields.Where(f => f.Value is not null).ToDictionary(f => f.Name, f => f.Value)));
        return record;
    }
}
