using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Qualification;

/// <summary>
/// What an evaluation reads. Per account, <see cref="Deal"/> is null and CRM rules stay unknown; per opportunity it is
/// the deal, with the account's activities. Only evidence at or before <see cref="AsOf"/> counts, so an evaluation
/// can be repeated for any past instant. <see cref="SubjectsArePlainText"/> is true only when the tenant's privacy
/// policy captures subjects as text: hashes and missing subjects must not feed keyword rules.
/// </summary>
public sealed record QualificationInput(
    Account Account,
    IReadOnlyList<Contact> Contacts,
    IReadOnlyList<Activity> Activities,
    CrmRecord? Deal,
    DateTimeOffset AsOf,
    bool SubjectsArePlainText);
