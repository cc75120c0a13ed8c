/** The few parts of `oidc-provider` (which ships no types) the local citizen and workforce sign-in uses. */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface Grant {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }
  interface GrantConstructor {
    new (properties: { clientId: string; accountId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }
  interface Context {
    type: string;
    body: unknown;
    oidc: {
      provider: { Grant: GrantConstructor };
      client?: { clientId: string };
      session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
      result?: { consent?: { grantId?: string } };
    };
  }
  export interface Configuration {
    clients: Record<string, unknown>[];
    jwks: { keys: Record<string, unknown>[] };
    claims: Record<string, string[]>;
    conformIdTokenClaims: boolean;
    pkce: { required: () => boolean };
    features: {
      devInteractions: { enabled: boolean };
      resourceIndicators?: {
        enabled: boolean;
        defaultResource: (ctx: Context, client?: { clientId: string }) => string | undefined;
        useGrantedResource: () => boolean;
        getResourceServerInfo: (ctx: Context, resource: string, client: { clientId: string }) => Record<string, unknown>;
      };
    };
    formats?: {
      customizers?: {
        jwt?: (ctx: Context, token: { accountId?: string }, jwt: { header?: Record<string, unknown>; payload: Record<string, unknown> }) => void;
      };
    };
    interactions: { url: (ctx: Context, interaction: { uid: string }) => string };
    cookies: { keys: string[] };
    ttl: Record<string, number>;
    findAccount: (ctx: Context, id: string) => { accountId: string; claims: () => Record<string, unknown> } | undefined;
    loadExistingGrant: (ctx: Context) => Promise<Grant | undefined>;
    renderError: (ctx: Context, out: { error: string; error_description?: string }) => void;
  }
  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
    interactionDetails(request: IncomingMessage, response: ServerResponse): Promise<{ uid: string; params: Record<string, unknown> }>;
    interactionFinished(
      request: IncomingMessage,
      response: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }
}
