import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { DevIssuer } from './dev-issuer';
import { DevTokenRequestError, parseDevTokenRequest } from './dev-token-request';

/** Path of the JWKS the development issuer publishes. */
export const DEV_ISSUER_JWKS_PATH = '/.well-known/jwks.json';
/** Path that mints a token from a JSON body of claims. */
export const DEV_ISSUER_TOKENS_PATH = '/tokens';

const MAX_BODY_BYTES = 64 * 1024;

/**
 * A plain node:http server for the development issuer: `GET /.well-known/jwks.json` and `POST /tokens`.
 * Call `listen(port, '127.0.0.1')` on it: anyone who can reach it can mint any role.
 */
export function createDevIssuerServer(issuer: DevIssuer): Server {
  return createServer((request, response) => {
    route(issuer, request, response).catch((error: unknown) => {
      const status = error instanceof DevTokenRequestError ? 400 : 500;
      sendJson(response, status, { error: (error as Error).message });
    });
  });
}

async function route(issuer: DevIssuer, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://dev-issuer').pathname;
  if (request.method === 'GET' && path === DEV_ISSUER_JWKS_PATH) {
    sendJson(response, 200, issuer.jwks());
    return;
  }
  if (request.method === 'POST' && path === DEV_ISSUER_TOKENS_PATH) {
    const { claims, options } = parseDevTokenRequest(await readJson(request));
    const token = await issuer.mintToken(claims, options);
    sendJson(response, 200, { access_token: token, token_type: 'Bearer' });
    return;
  }
  sendJson(response, 404, { error: `no route for ${request.method} ${path}` });
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new DevTokenRequestError('the body is larger than 64 KiB');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new DevTokenRequestError('the body must be JSON');
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}
