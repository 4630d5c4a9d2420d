namespace SalesFunctions.Core.Tests.Crm;

/// <summary>
/// RemoteExecutionContext bodies: the contact Update follows the only sample Microsoft publishes (use-webhooks.md),
/// trimmed to the parts we read; the opportunity Win is built the same way, since no opportunity sample is published.
/// </summary>
internal static class DynamicsSamples
{
    public const string ContactUpdate = """
        {"BusinessUnitId":"e2bf9e5e-8e4f-e711-80e6-00155db72a06","CorrelationId":"6b0a4cd1-1c47-4d54-8e7f-4cd3f2c4ab2c","Depth":1,
         "InitiatingUserId":"75c2dd2a-0000-0000-0000-000000000001",
         "InputParameters":[{"key":"Target","value":{"__type":"Entity:http:\/\/schemas.microsoft.com\/xrm\/2011\/Contracts",
           "Attributes":[{"key":"lastname","value":"Tester"},{"key":"jobtitle","value":"Director"},
             {"key":"contactid","value":"3d0fd0e4-6ba2-e711-a94e-000d3a1a7a9b"},{"key":"modifiedon","value":"\/Date(1506409448000)\/"},
             {"key":"modifiedby","value":{"__type":"EntityReference:http:\/\/schemas.microsoft.com\/xrm\/2011\/Contracts","Id":"75c2dd2a-0000-0000-0000-000000000001","KeyAttributes":[],"LogicalName":"systemuser","Name":null,"RowVersion":null}}],
           "EntityState":null,"FormattedValues":[],"Id":"3d0fd0e4-6ba2-e711-a94e-000d3a1a7a9b","KeyAttributes":[],"LogicalName":"contact","RelatedEntities":[],"RowVersion":"803599"}}],
         "IsExecutingOffline":false,"IsInTransaction":false,"IsOfflinePlayback":false,"IsolationMode":1,"MessageName":"Update","Mode":1,
         "OperationCreatedOn":"\/Date(1506409448000-0700)\/","OperationId":"5a1a0b8e-0000-0000-0000-000000000001","Stage":40,
         "OrganizationId":"e2bf9e5e-0000-0000-0000-000000000001","OrganizationName":"OrgName","OutputParameters":[],"ParentContext":null,
         "PostEntityImages":[],"PreEntityImages":[],"PrimaryEntityId":"3d0fd0e4-6ba2-e711-a94e-000d3a1a7a9b","PrimaryEntityName":"contact",
         "RequestId":null,"SecondaryEntityName":"none","SharedVariables":[],"UserId":"75c2dd2a-0000-0000-0000-000000000001"}
        """;

    public const string OpportunityWon = """
        {"CorrelationId":"6b0a4cd1-1c47-4d54-8e7f-000000000002","Depth":1,
         "InputParameters":[{"key":"Target","value":{"__type":"Entity:http:\/\/schemas.microsoft.com\/xrm\/2011\/Contracts",
           "Attributes":[{"key":"statecode","value":{"__type":"OptionSetValue:http:\/\/schemas.microsoft.com\/xrm\/2011\/Contracts","Value":1}},
             {"key":"actualvalue","value":{"__type":"Money:http:\/\/schemas.microsoft.com\/xrm\/2011\/Contracts","Value":52000.00}},
             {"key":"actualclosedate","value":"\/Date(1763564400000)\/"},{"key":"modifiedon","value":"\/Date(1763564401000)\/"},
             {"key":"ownerid","value":{"__type":"EntityReference:http:\/\/schemas.microsoft.com\/xrm\/2011\/Contracts","Id":"9a0a4c3e-0000-0000-0000-000000000007","LogicalName":"systemuser","Name":null}}],
           "Id":"a1b2c3d4-0000-0000-0000-000000000042","LogicalName":"opportunity"}}],
         "MessageName":"Update","Mode":1,"OperationCreatedOn":"\/Date(1763564401000)\/","OperationId":"5a1a0b8e-0000-0000-0000-000000000002","Stage":40,
         "PostEntityImages":[],"PreEntityImages":[],"PrimaryEntityId":"a1b2c3d4-0000-0000-0000-000000000042","PrimaryEntityName":"opportunity"}
        """;
}
