// Command-line parsing for the development issuer, kept apart from the I/O so it can be tested.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEV_ISSUER_PORT, DevTokenRequest, parseDevTokenRequest } from '@loop/platform';

/** Where the shared key lives unless `--key` says otherwise (git-ignored runtime state). */
export const DEFAULT_KEY_FILE = join(__dirname, '..', '..', '.local', 'dev-issuer', 'key.json');

/** `serve`: run the JWKS and token endpoints. */
export interface ServeCommand {
  command: 'serve';
  port: number;
  /** Interface to listen on: loopback, unless inside a container where other containers call it. */
  host: string;
  keyFile: string;
}

/** `token`: print one signed token. */
export interface TokenCommand {
  command: 'token';
  keyFile: string;
  request: DevTokenRequest;
}

/** Thrown for command lines that cannot run; the message is printed with the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Usage text, printed with any command-line error. */
export const USAGE = `Development token issuer (never for production).

  serve  [--port ${DEV_ISSUER_PORT}] [--host 127.0.0.1] [--key <file>]
         Serves GET /.well-known/jwks.json and POST /tokens on 127.0.0.1.

  [token] --sub <id> --role <role> [--role <role>…] [--community <id>…] [--grid <id>…]
          [--unit <id>] [--escalation-level 1|2|3] [--expires-in 8h] [--key <file>]
          Prints a bearer token signed with the same key file the server uses.

Roles: resident, grid_worker, staff, secretary, member, official, property_company, admin (the district's),
unit_admin (one work unit's; admin with --unit is read as unit_admin).
Key file default: .local/dev-issuer/key.json`;

/** Parses `argv` (without node and script) into a command. */
export function parseCommandLine(argv: string[]): ServeCommand | TokenCommand {
  // `npm run token -- --role resident …` is the everyday use: flags without a command mean `token`.
  if (argv[0]?.startsWith('--')) return parseToken(argv);
  const [command, ...rest] = argv;
  if (command === 'serve') return parseServe(rest);
  if (command === 'token') return parseToken(rest);
  throw new UsageError(command ? `unknown command "${command}"` : 'a command is required');
}

function parseServe(args: string[]): ServeCommand {
  const { values } = parse(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    key: { type: 'string' },
  });
  const port = values.port === undefined ? DEV_ISSUER_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError('--port must be 1–65535');
  return {
    command: 'serve',
    port,
    host: values.host ?? '127.0.0.1',
    keyFile: values.key ?? DEFAULT_KEY_FILE,
  };
}

function parseToken(args: string[]): TokenCommand {
  const { values } = parse(args, {
    sub: { type: 'string' },
    role: { type: 'string', multiple: true },
    community: { type: 'string', multiple: true },
    grid: { type: 'string', multiple: true },
    unit: { type: 'string' },
    'escalation-level': { type: 'string' },
    'expires-in': { type: 'string' },
    key: { type: 'string' },
  });
  // The same JSON shape as a POST /tokens body, so both ways in share one validation.
  const body: Record<string, unknown> = { sub: values.sub, roles: values.role ?? [] };
  if (values.community) body.community_ids = values.community;
  if (values.grid) body.grid_ids = values.grid;
  if (values.unit !== undefined) body.unit_id = values.unit;
  if (values['escalation-level'] !== undefined) body.escalation_level = Number(values['escalation-level']);
  if (values['expires-in'] !== undefined) body.expires_in = values['expires-in'];
  try {
    return { command: 'token', keyFile: values.key ?? DEFAULT_KEY_FILE, request: parseDevTokenRequest(body) };
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^(\w+)/, (name) => flagFor(name)));
  }
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parse<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

// Validation speaks in claim names; the command line user knows the flags.
function flagFor(claim: string): string {
  const flags: Record<string, string> = {
    sub: '--sub',
    roles: '--role',
    community_ids: '--community',
    grid_ids: '--grid',
    unit_id: '--unit',
    escalation_level: '--escalation-level',
    expires_in: '--expires-in',
  };
  return flags[claim] ?? claim;
}
