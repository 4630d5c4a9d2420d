using SalesFunctions.Simulator.Crm;
using SalesFunctions.Simulator.Graph;
using SalesFunctions.Simulator.Organisation;

namespace SalesFunctions.Host.Tests.EndToEnd;

/// <summary>What a demo run handles that must never reach a log line: people's addresses, subjects, credentials.</summary>
internal static class RunSecrets
{
    /// <summary>How every JWT (a bearer token) begins: the base64url of {"alg".</summary>
    public const string TokenStart = "eyJhbGci";

    public static IEnumerable<string> Of(DemoOrganisation organisation, SubscriptionRegistry? subscriptions = null) =>
        organisation.Reps.Concat(organisation.Colleagues).Concat(organisation.Contacts).Concat(organisation.FreeMailContacts).Select(p => p.Email)
            .Concat(organisation.Emails.Select(e => e.Subject))
            .Concat(organisation.Meetings.Select(m => m.Subject))
            .Concat((subscriptions?.All ?? []).Select(s => s.ClientState))
            .Concat([CrmDemoConnectors.HubSpotSecret, CrmDemoConnectors.SalesforceUrlKey, CrmDemoConnectors.DynamicsCode, CrmDemoConnectors.PipedrivePassword,
                CrmDemoConnectors.GenericSecret, TokenStart]);
}
