// Path B of docs/deploy.md: the same triggers in the SalesFunctions.Host container on Azure Container Apps, with the
// same identity, storage and vault as the Functions app. Deployed only when main.bicep's deployContainerApp is true.

@description('Container Apps environment name.')
param environmentName string

@description('Container app name: lowercase letters, digits and hyphens, at most 32.')
@maxLength(32)
param appName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags { *: string }

@description('Name of the user-assigned identity the app runs as.')
param identityName string

@description('Name of the Log Analytics workspace that receives container logs.')
param logAnalyticsName string

@description('Name of the storage account with the app\'s tables, queues and blobs.')
param storageAccountName string

@description('Key Vault URI with a trailing slash.')
param keyVaultUri string

@description('Host image, e.g. myregistry.azurecr.io/salesfunctions-host:1.0.0.')
@minLength(1)
param containerImage string

@description('Registry server to pull the image from with the app identity (it needs AcrPull there); empty for a public image.')
param containerRegistryServer string

@description('Application (client) id of the Graph app registration.')
param graphClientId string

@description('Name of the Key Vault secret with the Graph client secret.')
param graphClientSecretName string

@description('Application (client) id of the SalesFunctions API app registration: the audience of accepted tokens.')
param apiClientId string

@description('Sign-in app settings (Auth__*) from main.bicep.')
param signInSettings { *: string }

@description('Most replicas the scale rules may reach.')
@minValue(1)
@maxValue(300)
param maxReplicas int

@description('Application Insights connection string; the Host exports its OpenTelemetry there, signing in with the app identity.')
param appInsightsConnectionString string

@description('Port the Host listens on inside the container.')
var port = 8080

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' existing = {
  name: logAnalyticsName
}

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource environment 'Microsoft.App/managedEnvironments@2026-07-01' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
  }
}

@description('Public base URL of the app: a container app\'s FQDN is <app name>.<environment default domain>. Computed here because the app cannot read its own FQDN in its own definition.')
var baseUrl = 'https://${appName}.${environment.properties.defaultDomain}'

resource app 'Microsoft.App/containerApps@2026-07-01' = {
  name: appName
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: port
        transport: 'auto'
        allowInsecure: false
      }
      registries: empty(containerRegistryServer)
        ? []
        : [
            {
              server: containerRegistryServer
              identity: identity.id
            }
          ]
      // Key Vault references, resolved with the app identity; versionless, so a rotated secret arrives with the next
      // revision or restart.
      secrets: [
        {
          name: 'graph-client-secret'
          keyVaultUrl: '${keyVaultUri}secrets/${graphClientSecretName}'
          identity: identity.id
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'host'
          image: containerImage
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: concat([
            // A plain Urls variable, because appsettings.json sets Urls to 127.0.0.1:7071 and would win over
            // ASPNETCORE_URLS (read before appsettings.json); environment variables are read after it.
            { name: 'Urls', value: 'http://+:${port}' }
            { name: 'Storage__TableServiceUri', value: storage.properties.primaryEndpoints.table }
            { name: 'Storage__QueueServiceUri', value: storage.properties.primaryEndpoints.queue }
            { name: 'Storage__BlobServiceUri', value: storage.properties.primaryEndpoints.blob }
            { name: 'Storage__ManagedIdentityClientId', value: identity.properties.clientId }
            { name: 'Graph__Authentication', value: 'ClientSecret' }
            { name: 'Graph__ClientId', value: graphClientId }
            { name: 'Graph__ClientSecret', secretRef: 'graph-client-secret' }
            { name: 'Graph__Subscriptions__NotificationUrl', value: '${baseUrl}/api/graph/notifications' }
            { name: 'Graph__Subscriptions__LifecycleNotificationUrl', value: '${baseUrl}/api/graph/lifecycle' }
            // OpenTelemetry to Application Insights, whose local authentication is off: the exporter signs in as the
            // app identity (DefaultAzureCredential reads AZURE_CLIENT_ID).
            { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
            { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
            // The timer schedules come from the image's appsettings.json, the same values as the Functions app's.
          ], map(items(signInSettings), setting => { name: setting.key, value: setting.value }))
          // Liveness checks nothing but the process, so a storage outage never restarts healthy replicas; readiness
          // (storage, the Graph token, every listener and timer) takes a replica out of the ingress while it fails.
          probes: [
            {
              type: 'Startup'
              httpGet: { path: '/api/health', port: port }
              periodSeconds: 5
              failureThreshold: 24
            }
            {
              type: 'Liveness'
              httpGet: { path: '/api/health', port: port }
              periodSeconds: 30
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: { path: '/api/health/ready', port: port }
              periodSeconds: 15
              timeoutSeconds: 10
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        // One replica always runs: the timers (rollup, subscription renewal, delta sweep) and the score, lifecycle
        // and sync queues have no scale rule of their own and would stop at zero replicas.
        minReplicas: 1
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http'
            http: {
              metadata: {
                concurrentRequests: '50'
              }
            }
          }
          {
            // Notification bursts land on "capture" first; scale out on its backlog, read with the app identity.
            name: 'capture-queue'
            azureQueue: {
              accountName: storage.name
              queueName: 'capture'
              queueLength: 100
              identity: identity.id
            }
          }
        ]
      }
    }
  }
}

// Entra ID authentication in front of the app (App Service / Container Apps authentication): a request with a bearer token
// that is not a valid token of the API registration is refused before the app runs. Anonymous requests pass through, because
// the Graph and CRM ingress authenticate their senders themselves (clientState, provider signatures) and the app refuses
// every other anonymous request with 401 itself; the app, not this layer, enforces tenant and role (docs/security.md).
// The common v2.0 issuer turns off the platform's issuer check, as a multi-tenant registration needs: the app checks
// that the token's tenant is one Auth:Tenants maps.
resource authentication 'Microsoft.App/containerApps/authConfigs@2025-01-01' = {
  parent: app
  name: 'current'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: apiClientId
          openIdIssuer: '${az.environment().authentication.loginEndpoint}common/v2.0'
        }
        validation: {
          allowedAudiences: [apiClientId, 'api://${apiClientId}']
        }
      }
    }
  }
}

@description('Public host name of the container app.')
output fqdn string = app.properties.configuration.ingress.fqdn
