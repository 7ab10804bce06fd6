// Command-line parsing of `npm run audit:loop`, kept apart from the I/O so it can be tested.
import { parseArgs } from 'node:util';
import { DEFAULT_KEY_FILE } from '../dev-issuer/cli-args';

/** What one audit run asks for. */
export interface LoopAuditCommand {
  /** Base URL of the requests service. */
  url: string;
  /** Audit tickets closed or cancelled since this instant (ISO 8601); the service's default when absent. */
  closedSince?: string;
  /** Bearer token of an admin; minted with the development issuer's key when absent. */
  token?: string;
  /** The development issuer's key file, for minting. */
  keyFile: string;
  /** Print the raw report instead of the table. */
  json: boolean;
}

/** Thrown for command lines that cannot run; the message is printed with the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Where the requests service listens locally (`npm start`). */
export const DEFAULT_REQUESTS_URL = 'http://127.0.0.1:3001';

/** Usage text, printed with any command-line error. */
export const USAGE = `Loop audit: lists every broken loop across the four services.

  npm run audit:loop -- [--url ${DEFAULT_REQUESTS_URL}] [--closed-since <ISO 8601>]
                        [--token <admin bearer token>] [--key <dev issuer key file>] [--json]

  --closed-since  also audit tickets closed or cancelled since then (default: the last 7 days)
  --token         an admin token; without it one is minted with the development issuer's key
  --json          print the raw report

Exit code: 0 clean, 1 findings, 2 the audit could not run.`;

/** Parses `argv` (without node and script) into an audit command. */
export function parseLoopAuditArgs(argv: string[]): LoopAuditCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        url: { type: 'string' },
        'closed-since': { type: 'string' },
        token: { type: 'string' },
        key: { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const url = (values.url as string | undefined) ?? DEFAULT_REQUESTS_URL;
  if (!/^https?:\/\/[^/]/.test(url))
    throw new UsageError(`--url must be an http:// or https:// URL (got "${url}")`);
  const closedSince = values['closed-since'] as string | undefined;
  if (closedSince !== undefined && Number.isNaN(Date.parse(closedSince)))
    throw new UsageError(`--closed-since must be an ISO 8601 date or time (got "${closedSince}")`);
  const token = values.token as string | undefined;
  if (token !== undefined && token.trim() === '') throw new UsageError('--token must not be empty');
  return {
    url: url.replace(/\/+$/, ''),
    ...(closedSince !== undefined && { closedSince }),
    ...(token !== undefined && { token: token.trim() }),
    keyFile: (values.key as string | undefined) ?? DEFAULT_KEY_FILE,
    json: values.json === true,
  };
}

/** The audit endpoint's address for a command. */
export function auditUrl(command: Pick<LoopAuditCommand, 'url' | 'closedSince'>): string {
  const query = command.closedSince
    ? `?closedSince=${encodeURIComponent(new Date(command.closedSince).toISOString())}`
    : '';
  return `${command.url}/audit/loop${query}`;
}
