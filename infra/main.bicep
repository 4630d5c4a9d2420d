// SalesFunctions in one resource group: a user-assigned identity, storage without shared keys, monitoring, a Key Vault
// for the operator's secrets and the Functions app on Flex Consumption; optionally the Host container on Container
// Apps. `azd up` deploys it (azure.yaml); docs/deploy.md walks through both paths and the Graph app registration.
targetScope = 'resourceGroup'

@description('Environment name (azd: AZURE_ENV_NAME); it seeds every resource name and the azd-env-name tag.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region of every resource; it must offer Flex Consumption (and Container Apps for path B).')
param location string = resourceGroup().location

@description('Application (client) id of the Graph app registration (azd: GRAPH_CLIENT_ID).')
@minLength(36)
@maxLength(36)
param graphClientId string

@description('Name of the Key Vault secret the operator fills with the Graph client secret.')
param graphClientSecretName string = 'graph-client-secret'

@description('Application (client) id of the SalesFunctions API app registration (azd: API_CLIENT_ID): the audience of every bearer token the API accepts (docs/security.md, docs/deploy.md). Its manifest sets requestedAccessTokenVersion 2, so tokens carry this id as aud.')
@minLength(36)
@maxLength(36)
param apiClientId string

@description('Entra tenant id to SalesFunctions tenant id: the organisations whose people may sign in (Auth:Tenants). Empty: nobody can sign in until the operator maps a tenant.')
param signInTenants { *: string } = {}

@description('The SalesFunctions tenant whose admins operate the poison queues all tenants share (Auth:OperatorTenant); empty for nobody.')
param operatorTenant string = ''

@description('Object id of the user or group that writes secrets to the vault (azd: AZURE_PRINCIPAL_ID); empty for nobody.')
param operatorPrincipalId string = ''

@description('Turn on Key Vault purge protection (irreversible; the vault name stays taken for 90 days after deletion).')
param enableKeyVaultPurgeProtection bool = false

@description('Flex Consumption scale-out limit for the Functions app.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each Flex Consumption instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Deploy the Functions app on Flex Consumption (path A). Run one host per storage account: path B turns this off.')
param deployFunctionApp bool = true

@description('Deploy the Host container on Azure Container Apps (path B).')
param deployContainerApp bool = false

@description('Host image for the container app, e.g. myregistry.azurecr.io/salesfunctions-host:1.0.0; required with deployContainerApp.')
param containerImage string = ''

@description('Registry server to pull containerImage from with the app identity (grant it AcrPull there); empty for a public image.')
param containerRegistryServer string = ''

@description('Most replicas of the container app.')
@minValue(1)
@maxValue(300)
param containerMaxReplicas int = 10

@description('Deploy the dashboard as a Static Web App for the Functions app (path A; the Host of path B serves it itself).')
param deployDashboard bool = true

@description('Region of the dashboard\'s Static Web App: one the service offers (westeurope, westus2, centralus, eastus2, eastasia).')
param dashboardLocation string = 'westeurope'

@description('Lowercase token that makes global names (storage, vault, app host names) unique per resource group and environment.')
var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName, location))

@description('Tags on every resource; azd uses azd-env-name to find what it deployed.')
var tags = { 'azd-env-name': environmentName }

@description('Resource names; computed here, not taken from module outputs, so that what-if can predict every resource.')
var names = {
  identity: 'id-${resourceToken}'
  storage: 'st${resourceToken}'
  logAnalytics: 'log-${resourceToken}'
  appInsights: 'appi-${resourceToken}'
  keyVault: 'kv-${resourceToken}'
  plan: 'plan-${resourceToken}'
  functionApp: 'func-${resourceToken}'
  containerEnvironment: 'cae-${resourceToken}'
  containerApp: 'ca-${resourceToken}'
  dashboard: 'stapp-${resourceToken}'
}

@description('Blob container for Flex Consumption deployment packages.')
var deploymentContainerName = 'app-package-${resourceToken}'

module identity 'modules/identity.bicep' = {
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  params: {
    name: names.storage
    location: location
    tags: tags
    identityName: names.identity
    deploymentContainerName: deploymentContainerName
  }
  dependsOn: [identity]
}

module monitoring 'modules/monitoring.bicep' = {
  params: {
    logAnalyticsName: names.logAnalytics
    appInsightsName: names.appInsights
    location: location
    tags: tags
    identityName: names.identity
  }
  dependsOn: [identity]
}

module keyVault 'modules/keyvault.bicep' = {
  params: {
    name: names.keyVault
    location: location
    tags: tags
    identityName: names.identity
    operatorPrincipalId: operatorPrincipalId
    enablePurgeProtection: enableKeyVaultPurgeProtection
  }
  dependsOn: [identity]
}

@description('Sign-in settings of both hosts (SignInOptions, section Auth): Entra ID tokens of the API registration from the mapped tenants only.')
var signInSettings = union(
  {
    Auth__Instance: environment().authentication.loginEndpoint
    Auth__Audience: apiClientId
    Auth__OperatorTenant: operatorTenant
  },
  reduce(items(signInTenants), {}, (settings, tenant) => union(settings, { 'Auth__Tenants__${tenant.key}': tenant.value }))
)

module dashboard 'modules/staticwebapp.bicep' = if (deployFunctionApp && deployDashboard) {
  params: {
    name: names.dashboard
    location: dashboardLocation
    tags: tags
  }
}

module functionApp 'modules/functionapp.bicep' = if (deployFunctionApp) {
  params: {
    allowedOrigins: deployDashboard ? [dashboard.?outputs.origin ?? ''] : []
    planName: names.plan
    appName: names.functionApp
    location: location
    tags: tags
    identityName: names.identity
    storageAccountName: names.storage
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    keyVaultUri: keyVault.outputs.vaultUri
    graphClientId: graphClientId
    graphClientSecretName: graphClientSecretName
    apiClientId: apiClientId
    signInSettings: signInSettings
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
}

module containerApp 'modules/containerapp.bicep' = if (deployContainerApp) {
  params: {
    environmentName: names.containerEnvironment
    appName: names.containerApp
    location: location
    tags: tags
    identityName: names.identity
    logAnalyticsName: names.logAnalytics
    storageAccountName: names.storage
    keyVaultUri: keyVault.outputs.vaultUri
    containerImage: containerImage
    containerRegistryServer: containerRegistryServer
    graphClientId: graphClientId
    graphClientSecretName: graphClientSecretName
    apiClientId: apiClientId
    signInSettings: signInSettings
    maxReplicas: containerMaxReplicas
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
  }
  // Referenced by name only: the storage roles must exist before the first replica starts (the log workspace and the
  // publisher role come with the monitoring output it takes).
  dependsOn: [storage]
}

@description('Public base URL Graph posts notifications to: the Functions app when deployed, else the container app.')
var publicBaseUrl = deployFunctionApp
  ? 'https://${functionApp!.outputs.defaultHostName}'
  : (deployContainerApp ? 'https://${containerApp!.outputs.fqdn}' : '')

@description('Name of the Functions app; empty without deployFunctionApp.')
output AZURE_FUNCTION_APP_NAME string = deployFunctionApp ? names.functionApp : ''

@description('Default host name of the Functions app; empty without deployFunctionApp.')
output FUNCTION_APP_HOST_NAME string = functionApp.?outputs.defaultHostName ?? ''

@description('Host name of the container app; empty without deployContainerApp.')
output CONTAINER_APP_HOST_NAME string = containerApp.?outputs.fqdn ?? ''

@description('Graph change notification URL (Graph:Subscriptions:NotificationUrl) of the host that serves Graph.')
output GRAPH_NOTIFICATION_URL string = empty(publicBaseUrl) ? '' : '${publicBaseUrl}/api/graph/notifications'

@description('Graph lifecycle notification URL (Graph:Subscriptions:LifecycleNotificationUrl) of the host that serves Graph.')
output GRAPH_LIFECYCLE_URL string = empty(publicBaseUrl) ? '' : '${publicBaseUrl}/api/graph/lifecycle'

@description('Name of the storage account.')
output AZURE_STORAGE_ACCOUNT_NAME string = names.storage

@description('Name of the Key Vault the operator writes secrets to.')
output AZURE_KEY_VAULT_NAME string = names.keyVault

@description('Client id of the user-assigned identity.')
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId

@description('The dashboard\'s URL (path A); register it as the SPA redirect URI of the dashboard app registration (docs/deploy.md).')
output DASHBOARD_URL string = dashboard.?outputs.origin ?? ''
