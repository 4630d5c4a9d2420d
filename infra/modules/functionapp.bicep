// The Functions app on a Flex Consumption plan (path A of docs/deploy.md). It holds no key or connection string: the
// host reaches storage with the user-assigned identity, telemetry goes to Application Insights with an Entra token, and
// secrets are Key Vault references resolved with the same identity.

@description('Flex Consumption plan name.')
param planName string

@description('Function app name.')
param appName string

@description('Azure region; it must offer Flex Consumption.')
param location string

@description('Tags for every resource; azd finds the app by the azd-service-name tag added here.')
param tags { *: string }

@description('Browser origins allowed to call the API with a bearer token (the dashboard\'s Static Web App); none: no CORS.')
param allowedOrigins string[] = []

@description('Name of the user-assigned identity the app runs as.')
param identityName string

@description('Name of the storage account for AzureWebJobsStorage and the app\'s own tables, queues and blobs.')
param storageAccountName string

@description('URL of the blob container for deployment packages.')
param deploymentContainerUrl string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Key Vault URI with a trailing slash.')
param keyVaultUri string

@description('Application (client) id of the Graph app registration.')
param graphClientId string

@description('Name of the Key Vault secret with the Graph client secret.')
param graphClientSecretName string

@description('Application (client) id of the SalesFunctions API app registration: the audience of accepted tokens.')
param apiClientId string

@description('Sign-in app settings (Auth__*) from main.bicep.')
param signInSettings { *: string }

@description('Flex Consumption scale-out limit.')
param maximumInstanceCount int

@description('Memory of each instance in MB.')
param instanceMemoryMB int

@description('The timers\' schedules, as local.settings.sample.json has them (NCRONTAB).')
var schedules = {
  KpiRollupSchedule: '0 */5 * * * *'
  SubscriptionRenewalSchedule: '0 */30 * * * *'
  DeltaSweepSchedule: '0 15 * * * *'
  PstnSweepSchedule: '0 45 * * * *'
  TraceRetentionSchedule: '0 30 3 * * *'
  PoisonMonitorSchedule: '0 */15 * * * *'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references in app settings resolve with this identity, not a system-assigned one.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: {
        allowedOrigins: allowedOrigins
        supportCredentials: false
      }
      // Readiness (storage, the Graph token): App Service takes an instance out of rotation after failed checks.
      healthCheckPath: '/api/health/ready'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Publishing with a user name and password is off: azd and the Azure CLI deploy with an Entra token.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// A separate resource because the Graph URLs need the site's own host name. Flex Consumption rejects
// FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION here: functionAppConfig.runtime replaces them.
resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(schedules, signInSettings, {
    AzureWebJobsStorage__accountName: storage.name
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identity.properties.clientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identity.properties.clientId}'
    // The worker's own OpenTelemetry exporter signs in with this identity too (DefaultAzureCredential, ADR 0020).
    AZURE_CLIENT_ID: identity.properties.clientId
    // StorageOptions: service URIs with the user-assigned identity instead of a connection string.
    Storage__TableServiceUri: storage.properties.primaryEndpoints.table
    Storage__QueueServiceUri: storage.properties.primaryEndpoints.queue
    Storage__BlobServiceUri: storage.properties.primaryEndpoints.blob
    Storage__ManagedIdentityClientId: identity.properties.clientId
    // GraphOptions: Graph__BaseUrl keeps its default, Graph v1.0.
    Graph__Authentication: 'ClientSecret'
    Graph__ClientId: graphClientId
    Graph__ClientSecret: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${graphClientSecretName}/)'
    // SubscriptionOptions: the public URLs Graph posts change and lifecycle notifications to.
    Graph__Subscriptions__NotificationUrl: 'https://${site.properties.defaultHostName}/api/graph/notifications'
    Graph__Subscriptions__LifecycleNotificationUrl: 'https://${site.properties.defaultHostName}/api/graph/lifecycle'
  })
}

// Entra ID authentication in front of the app (App Service / Container Apps authentication): a request with a bearer token
// that is not a valid token of the API registration is refused before the app runs. Anonymous requests pass through, because
// the Graph and CRM ingress authenticate their senders themselves (clientState, provider signatures) and the app refuses
// every other anonymous request with 401 itself; the app, not this layer, enforces tenant and role (docs/security.md).
// The common v2.0 issuer turns off the platform's issuer check, as a multi-tenant registration needs: the app checks
// that the token's tenant is one Auth:Tenants maps.
resource authentication 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: apiClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}common/v2.0'
        }
        validation: {
          allowedAudiences: [apiClientId, 'api://${apiClientId}']
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

@description('Default host name of the app.')
output defaultHostName string = site.properties.defaultHostName
