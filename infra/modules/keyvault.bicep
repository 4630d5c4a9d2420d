// The vault for the secrets the app needs: the Graph client secret and the CRM webhook secrets.
// The template creates no secret: the operator writes them (docs/deploy.md), and app settings hold only Key Vault
// references that the platform resolves with the app identity.

@description('Key Vault name: 3-24 letters, digits and hyphens.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags { *: string }

@description('Name of the user-assigned identity that reads secrets.')
param identityName string

@description('Object id of a user or group allowed to write secrets (Key Vault Secrets Officer); empty for nobody.')
param operatorPrincipalId string

@description('Purge protection cannot be turned off again and keeps a deleted vault\'s name taken for the retention period; recommended for production.')
param enablePurgeProtection bool

@description('Built-in role Key Vault Secrets User: read secret values, nothing else.')
var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

@description('Built-in role Key Vault Secrets Officer: create, update and delete secrets.')
var secretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // The API accepts only true here (turning it on is irreversible), so "off" means leaving the property out.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, secretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource operatorWritesSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  scope: vault
  name: guid(vault.id, operatorPrincipalId, secretsOfficer)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficer)
    principalId: operatorPrincipalId
  }
}

@description('Vault URI with a trailing slash, the base of every Key Vault reference.')
output vaultUri string = vault.properties.vaultUri
