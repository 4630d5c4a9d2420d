// The one identity of the app: the Functions app, the optional container app and the Key Vault references all use it,
// so a redeploy or a second host never needs new role assignments.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags { *: string }

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Client id, for AzureWebJobsStorage__clientId, Storage__ManagedIdentityClientId and App Insights.')
output clientId string = identity.properties.clientId
