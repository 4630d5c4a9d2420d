namespace SalesFunctions.Core.Crm;

/// <summary>The three ways a Dataverse webhook registration can authenticate (protocols.md §5).</summary>
public enum DynamicsAuthMode
{
    /// <summary>One or more configured headers, all of which must match.</summary>
    HttpHeader,

    /// <summary>A key in the query string as <c>?code=</c>, in the Azure Functions style.</summary>
    WebhookKey,

    /// <summary>One or more configured query-string parameters, all of which must match.</summary>
    HttpQueryString,
}
