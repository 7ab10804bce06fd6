import { request as httpRequest, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from '../../preferences/application/webhook-targets.port';

/**
 * POSTs a JSON body and throws unless the answer is 2xx. The error says only what class of failure it
 * was — the status (`answered 503`), a timeout or a connection error code — never the URL (it can hold
 * the receiver's own credentials) and never the answer's body: that is read by no one, so a webhook
 * pointed somewhere it should not be cannot be used to read what answered. Redirects are not followed
 * (a 3xx is a failure). With `pinned`, the connection goes to that address whatever DNS says now, while
 * TLS still checks the certificate against the URL's host name.
 */
export async function postJson(
  url: URL,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  pinned?: ResolvedAddress,
): Promise<void> {
  const status = await new Promise<number>((resolve, reject) => {
    const options: RequestOptions = {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        ...headers,
      },
      signal: AbortSignal.timeout(timeoutMs),
      // A fresh connection each time: a pooled socket could outlive the address check it was made for.
      agent: false,
      ...(pinned ? { lookup: pinnedLookup(pinned) } : {}),
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(url, options, (response) => {
      response.resume(); // drain and drop the body unread
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', (error) => reject(failureOf(error, timeoutMs)));
    outgoing.end(body);
  });
  if (status >= 300 && status < 400) throw new Error(`answered ${status} (redirects are not followed)`);
  if (status < 200 || status >= 300) throw new Error(`answered ${status}`);
}

// Answers every lookup of the connection with the address that was checked.
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_host, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as unknown as (e: null, all: ResolvedAddress[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
}

function failureOf(error: Error, timeoutMs: number): Error {
  if (error.name === 'AbortError' || error.name === 'TimeoutError')
    return new Error(`timed out after ${timeoutMs} ms`);
  const code = (error as { code?: unknown }).code;
  return new Error(`connection failed${typeof code === 'string' ? ` (${code})` : ''}`);
}
