// Sign-in as /dashboard-config.json says: the development issuer's token endpoint behind a user switcher (demo, local
// runs), or Entra ID through MSAL. The bundle holds no deployment's settings.
import type { Me } from "./api";

export type Config =
  | { signIn: "development"; tokenUrl: string; tenant: string }
  | { signIn: "msal"; clientId: string; authority: string; scope: string; apiBaseUrl?: string };

/** Who the development switcher signs in as. */
export interface Persona {
  role: "admin" | "manager" | "rep";
  team?: string;
  rep?: string;
}

const personaKey = "salesfunctions.persona";

export function savedPersona(): Persona | null {
  const text = sessionStorage.getItem(personaKey);
  return text ? (JSON.parse(text) as Persona) : null;
}

export function savePersona(persona: Persona): void {
  sessionStorage.setItem(personaKey, JSON.stringify(persona));
}

/** A token of the development issuer for one persona; cached until a minute before it expires. */
export function developmentTokens(config: Extract<Config, { signIn: "development" }>, persona: Persona): () => Promise<string> {
  let cached: { token: string; until: number } | null = null;
  return async () => {
    if (cached && cached.until > Date.now()) return cached.token;
    const url = `${config.tokenUrl}?tenant=${encodeURIComponent(config.tenant)}&role=${persona.role}${persona.team ? `&team=${encodeURIComponent(persona.team)}` : ""}${persona.rep ? `&rep=${encodeURIComponent(persona.rep)}` : ""}`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`The development issuer refused ${persona.role} ${persona.team ?? persona.rep ?? ""} (${response.status}).`);
    const body = (await response.json()) as { accessToken: string; expiresIn: number };
    cached = { token: body.accessToken, until: Date.now() + (body.expiresIn - 60) * 1000 };
    return cached.token;
  };
}

/** Entra ID: redirect sign-in, then tokens for the API scope, silently renewed by MSAL. */
export async function msalTokens(config: Extract<Config, { signIn: "msal" }>): Promise<() => Promise<string>> {
  const { PublicClientApplication, InteractionRequiredAuthError } = await import("@azure/msal-browser");
  const msal = new PublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority, redirectUri: `${location.origin}${location.pathname}` },
    cache: { cacheLocation: "sessionStorage" },
  });
  await msal.initialize();
  const redirect = await msal.handleRedirectPromise();
  const account = redirect?.account ?? msal.getActiveAccount() ?? msal.getAllAccounts()[0];
  if (!account) {
    await msal.loginRedirect({ scopes: [config.scope] });
    return new Promise(() => {});
  }
  msal.setActiveAccount(account);
  return async () => {
    try {
      return (await msal.acquireTokenSilent({ scopes: [config.scope], account })).accessToken;
    } catch (e) {
      if (e instanceof InteractionRequiredAuthError) await msal.acquireTokenRedirect({ scopes: [config.scope], account });
      throw e;
    }
  };
}

/** The personas of the switcher: the admin, each team's manager, each rep, from what an admin's /api/me lists. */
export function personas(admin: Me): { label: string; persona: Persona }[] {
  return [
    { label: "RevOps admin", persona: { role: "admin" } },
    ...admin.teams.map((t) => ({ label: `Manager of ${t.name}`, persona: { role: "manager", team: t.id } as Persona })),
    ...admin.reps.map((r) => ({ label: `${r.name} (${r.id})`, persona: { role: "rep", rep: r.id } as Persona })),
  ];
}
