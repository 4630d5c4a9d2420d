// The dashboard (dashboard/dist) as an Azure Static Web App on the Free plan, for path A (docs/adr/0019): it serves
// the static files only. It is not linked to the Functions app as its backend, because a linked backend receives the
// Static Web App's own Authorization header instead of the user's Entra ID token; the dashboard calls the Functions
// app directly (CORS) with the token MSAL got for it. Path B needs none of this: the Host serves the dashboard itself.

@description('Static Web App name.')
param name string

@description('Region of the Static Web App\'s management resource (the files are served globally); one of the regions the service offers.')
param location string

@description('Tags; azd finds the site by the azd-service-name tag added here.')
param tags { *: string }

resource site 'Microsoft.Web/staticSites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'dashboard' })
  sku: {
    name: 'Free'
    tier: 'Free'
  }
  properties: {
    stagingEnvironmentPolicy: 'Disabled'
    allowConfigFileUpdates: true
    provider: 'None'
  }
}

@description('The dashboard\'s origin, which the Functions app allows for CORS and the dashboard app registration takes as its redirect URI.')
output origin string = 'https://${site.properties.defaultHostname}'
