/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The OIDC issuer of production sign-in, e.g. https://sso.example.gov.cn/realms/loop. */
  readonly VITE_OIDC_ISSUER?: string;
  /** The console's OIDC client id (a public client: PKCE, no secret). */
  readonly VITE_OIDC_CLIENT_ID?: string;
  /** Scopes to ask for; `openid` by default. */
  readonly VITE_OIDC_SCOPE?: string;
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
