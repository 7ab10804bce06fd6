// Asking another service of the loop for facts only it owns: one JSON POST with the caller's token,
// bounded in time. Whatever goes wrong — no answer, a non-2xx status, not JSON — is reported as the
// peer's failure, in words an operator can act on; the caller decides what that means.

/** The services requests asks over HTTP. */
export type PeerService = 'dispatch' | 'volunteer-hours' | 'notifications';

/** How long one request to a peer may take. */
export const PEER_TIMEOUT_MS = 10_000;

/** A peer did not answer, answered non-2xx, or answered something that is not JSON. */
export class PeerCallError extends Error {
  override readonly name: string = 'PeerCallError';
  constructor(
    readonly peer: PeerService,
    readonly reason: string,
  ) {
    super(`${peer} could not answer: ${reason}`);
  }
}

/** POSTs `body` as JSON to `path` under `baseUrl` with the bearer `token`; resolves with the parsed answer. */
export async function postJson(
  peer: PeerService,
  baseUrl: string,
  path: string,
  body: unknown,
  token: string,
): Promise<object> {
  let response: Response;
  try {
    response = await fetch(new URL(path, withTrailingSlash(baseUrl)), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(PEER_TIMEOUT_MS),
    });
  } catch (error) {
    throw new PeerCallError(peer, describeFailure(error));
  }
  if (!response.ok) {
    // Drain the body so the connection can be reused; its text is the peer's business.
    await response.text().catch(() => undefined);
    throw new PeerCallError(peer, `answered ${response.status} to POST /${path}`);
  }
  try {
    return (await response.json()) as object;
  } catch (error) {
    throw new PeerCallError(peer, `answered POST /${path} with malformed JSON (${describeFailure(error)})`);
  }
}

/** The list `field` of a peer's answer; a body without it is not the contract. */
export function expectList<T>(peer: PeerService, list: T[] | undefined, field: string): T[] {
  if (!Array.isArray(list)) throw new PeerCallError(peer, `answered without a "${field}" list`);
  return list;
}

// A base URL with a path prefix (an ingress route) keeps it when the endpoint path is resolved.
function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

// Duck-typed: errors from fetch may come from another realm (e.g. a test runner's), failing instanceof.
function describeFailure(error: unknown): string {
  const failure = error as { name?: unknown; message?: unknown; cause?: { message?: unknown } } | null;
  if (failure?.name === 'TimeoutError') return `no answer within ${PEER_TIMEOUT_MS} ms`;
  if (typeof failure?.message !== 'string') return String(error);
  const cause = typeof failure.cause?.message === 'string' ? ` (${failure.cause.message})` : '';
  return `${failure.message}${cause}`;
}
