// The authorization matrix every service passes: a declared access table — for each documented route,
// which roles may call it and within what scope — checked against the service's OpenAPI document, then
// every route called by every role (and without a token, with a malformed one and with a forged one), in
// scope and out of scope, on real resources of the service. The table doubles as documentation:
// docs/security.md shows it, and the suite checks that the two agree.
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ROLES, type Role, startDevIssuer } from '@loop/platform';
import request from 'supertest';
import { type OpenApiDocument, routesOf } from './hostile-input-checks';
import type { TestService } from './test-service';

/**
 * How far a role's use of a route reaches:
 * - `own`: the caller's own resources (their tickets, inbox, offers, statement);
 * - `grid`, `community`, `unit`: resources of the grids, communities or work unit the token names;
 * - `district`: every resource of the district;
 * - `public`: anyone, without a token.
 */
export type ScopeRule = 'own' | 'grid' | 'community' | 'unit' | 'district' | 'public';

/** A caller the matrix tries: every role, a token whose only role is `system`, and three without a valid token. */
export type Caller = Role | 'system' | 'anonymous' | 'malformed-token' | 'forged-token';

/** The role-free callers: no token, a token that is no JWT, and a JWT signed by an issuer nobody trusts. */
const UNAUTHENTICATED: Caller[] = ['anonymous', 'malformed-token', 'forged-token'];

/** The account id of the `system` caller's token. */
export const SYSTEM_CALLER = 'system-caller';

/** Every caller, in the order results are reported. */
export const CALLERS: readonly Caller[] = [...ROLES, 'system', ...UNAUTHENTICATED];

/** One request: values of the path template's parameters, a query and a body. */
export interface MatrixCall {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** The body's media type when it is not JSON (an image upload, say). */
  contentType?: string;
}

/** A route's method and path template as the OpenAPI document writes it, e.g. `GET /tickets/{id}`. */
export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /${string}`;

/** One row of a service's access table. */
export interface RouteAccess<World> {
  route: RouteKey;
  /**
   * The roles that may use the route and the scope each is held to. `anyone` stands for every
   * authenticated caller the route has no own entry for (routes without a role check, such as a
   * person's own inbox).
   */
  allows: Partial<Record<Role | 'anyone', ScopeRule>>;
  /**
   * How an out-of-scope call is refused: `refused` (403, or 404 where existence is hidden — the
   * default), `filtered` (a list answers 2xx but names nothing out of scope) or `reported` (a batch
   * answers 2xx with a report that refuses what was out of scope; see `refusedAsReported`).
   */
  outOfScope?: 'refused' | 'filtered' | 'reported';
  /** For `reported`: true when a 2xx answer's body reports the request refused and nothing applied. */
  refusedAsReported?: (body: unknown) => boolean;
  /**
   * True where the service answers 404 instead of 403 to roles that may not see the resource at all
   * (it hides that the resource exists); 401 and 403 are always accepted refusals.
   */
  hidesExistence?: boolean;
  /** Why the row reads as it does, when the code is not obvious. */
  note?: string;
  /** A realistic request on a resource in scope of every admitted role (a fresh one for writes). */
  inScope: (world: World, caller: Caller) => MatrixCall | Promise<MatrixCall>;
  /**
   * The same request aimed at a resource of another person, grid, community or unit. Absent (or
   * undefined for a caller) where nothing can be out of scope for that caller.
   */
  outOfScopeCall?: (world: World, caller: Caller) => MatrixCall | undefined | Promise<MatrixCall | undefined>;
  /** Extra statuses a reachable in-scope call may answer with (e.g. 503 when it asks a peer the suite does not run). */
  reachableAlso?: number[];
}

/** The matrix of one service. */
export interface AuthorizationMatrix<World> {
  /** Service name, as docs/security.md heads its table. */
  service: string;
  /** Boots the service on real infrastructure. */
  start: () => Promise<TestService>;
  /**
   * The claims of the home cast: one person per role, all in the same grid, community and unit.
   * `system` is added as a token whose only role is `system` (unknown to tokens, so no role at all).
   */
  cast: Record<Role, CastMember>;
  /** Seeds the home and foreign resources through the service's own API and events. */
  seed: (service: TestService, tokens: Map<Caller, string>) => Promise<World>;
  /** Ids of foreign resources: an out-of-scope answer that names any of them leaks. */
  foreignMarkers: (world: World) => string[];
  /** A representative read of the foreign resources (as the district admin): unchanged after every out-of-scope write. */
  foreignState: (world: World, service: TestService, tokens: Map<Caller, string>) => Promise<unknown>;
  /** The access table. */
  routes: Array<RouteAccess<World>>;
}

/** The claims of one member of the cast (the dev issuer's shape). */
export interface CastMember {
  sub: string;
  community_ids?: string[];
  grid_ids?: string[];
  unit_id?: string;
  escalation_level?: number;
}

/** What one call answered. */
interface Answer {
  status: number;
  type: string;
  text: string;
}

/** How many calls are in flight at once: enough to keep a run short, few enough for a 2-core machine. */
const CALLS_AT_ONCE = 8;

/**
 * Declares the matrix suite of a service: the completeness checks, one test per route trying every
 * caller in and out of scope, the foreign resources unchanged afterwards, and the docs table in step.
 */
export function describeAuthorizationMatrix<World>(matrix: AuthorizationMatrix<World>): void {
  describe(`who may call what in the ${matrix.service} service`, () => {
    let service: TestService;
    let tokens: Map<Caller, string>;
    let world: World;
    let documented: RouteKey[];
    let liveStreams = new Set<string>();
    let foreignBefore: unknown;

    beforeAll(async () => {
      service = await matrix.start();
      const server = service.app.getHttpServer();
      // Listening once: side-by-side supertest calls would otherwise each open and close the server.
      if (!server.address()) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      tokens = await mintTokens(service, matrix.cast);
      const document = (await request(server).get('/docs-json').expect(200)).body as OpenApiDocument;
      const routes = routesOf(document);
      const keyOf = (route: (typeof routes)[number]) =>
        `${route.method.toUpperCase()} ${route.path}` as RouteKey;
      documented = routes.map(keyOf);
      liveStreams = new Set(routes.filter((route) => route.liveStream).map(keyOf));
      world = await matrix.seed(service, tokens);
      foreignBefore = await matrix.foreignState(world, service, tokens);
    }, 60_000);
    afterAll(() => service?.close());

    it('has a row for every documented route', () => {
      const declared = new Set<string>(matrix.routes.map((row) => row.route));
      expect(documented.filter((route) => !declared.has(route))).toEqual([]);
    });

    it('has no row for a route the service does not document', () => {
      const known = new Set<string>(documented);
      expect(matrix.routes.map((row) => row.route).filter((route) => !known.has(route))).toEqual([]);
    });

    it('declares each route once', () => {
      const keys = matrix.routes.map((row) => row.route);
      expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    });

    // Reads first, so that no write of an in-scope call changes what a read expects to find.
    const ordered = [...matrix.routes].sort(
      (a, b) => Number(a.route.startsWith('GET ') === false) - Number(b.route.startsWith('GET ') === false),
    );
    for (const row of ordered) {
      it(`${row.route}: ${describeAccess(row)}`, async () => {
        const failures = await tryEveryCaller(row, {
          server: service.app.getHttpServer(),
          tokens,
          world,
          markers: matrix.foreignMarkers(world),
          liveStream: liveStreams.has(row.route),
        });
        expect(failures).toEqual([]);
      });
    }

    it('leaves every foreign resource as it was after all the out-of-scope calls', async () => {
      expect(await matrix.foreignState(world, service, tokens)).toEqual(foreignBefore);
    });

    it('agrees with the access table in docs/security.md', () => {
      const expected = accessTableRows(matrix.routes);
      const documentedTable = accessTableInDocs(matrix.service);
      if (JSON.stringify(documentedTable) !== JSON.stringify(expected)) {
        // Says what the section should read, so that a changed row is one paste away from documented.
        throw new Error(
          `docs/security.md, under "### ${matrix.service}", should hold:\n\n${accessTableMarkdown(expected)}`,
        );
      }
      expect(documentedTable).toEqual(expected);
    });
  });
}

/** What a caller's answers are checked against. */
interface Context<World> {
  server: ReturnType<TestService['app']['getHttpServer']>;
  tokens: Map<Caller, string>;
  world: World;
  markers: string[];
  /** The route answers with a live stream: only its status and headers are read. */
  liveStream: boolean;
}

/** One planned call and what a right answer looks like. */
interface Probe {
  caller: Caller;
  call: MatrixCall;
  kind: 'refused' | 'unauthenticated' | 'in-scope' | 'out-of-scope' | 'filtered' | 'reported';
}

async function tryEveryCaller<World>(row: RouteAccess<World>, context: Context<World>): Promise<string[]> {
  const probes: Probe[] = [];
  for (const caller of CALLERS) {
    const rule = scopeOf(row, caller);
    if (UNAUTHENTICATED.includes(caller) && rule !== 'public') {
      probes.push({ caller, call: await row.inScope(context.world, caller), kind: 'unauthenticated' });
      continue;
    }
    if (rule === undefined) {
      probes.push({ caller, call: await row.inScope(context.world, caller), kind: 'refused' });
      continue;
    }
    probes.push({ caller, call: await row.inScope(context.world, caller), kind: 'in-scope' });
    // District-wide and public callers reach everything: there is no out of scope to try.
    const outside =
      row.outOfScopeCall && rule !== 'district' && rule !== 'public'
        ? await row.outOfScopeCall(context.world, caller)
        : undefined;
    if (outside) {
      probes.push({
        caller,
        call: outside,
        kind:
          row.outOfScope === 'filtered' || row.outOfScope === 'reported' ? row.outOfScope : 'out-of-scope',
      });
    }
  }
  const failures: string[] = [];
  const seen: string[] = [];
  for (let first = 0; first < probes.length; first += CALLS_AT_ONCE) {
    const batch = probes.slice(first, first + CALLS_AT_ONCE);
    const answers = await Promise.all(batch.map((probe) => send(context, row.route, probe)));
    batch.forEach((probe, index) => {
      const wrong = judge(row, probe, answers[index]!, context.markers);
      if (wrong) failures.push(`${probe.caller} (${probe.kind}): ${wrong}`);
    });
    seen.push(...batch.map((probe, index) => `${probe.caller}/${probe.kind}=${answers[index]!.status}`));
  }
  // A failing row says what every caller was told, to read the wrong answer beside the right ones.
  if (failures.length > 0) failures.push(`all answers: ${seen.join(', ')}`);
  return failures;
}

function scopeOf<World>(row: RouteAccess<World>, caller: Caller): ScopeRule | undefined {
  if (UNAUTHENTICATED.includes(caller)) {
    return Object.values(row.allows).includes('public') ? 'public' : undefined;
  }
  return row.allows[caller as Role] ?? row.allows.anyone;
}

/** Why the answer is wrong for the probe, or undefined when it is right. */
function judge<World>(
  row: RouteAccess<World>,
  probe: Probe,
  answer: Answer,
  markers: string[],
): string | undefined {
  const said = `${answer.status} ${truncate(answer.text)}`;
  const isProblem = answer.type.startsWith('application/problem+json');
  const refusal = row.hidesExistence || probe.kind === 'out-of-scope' ? [401, 403, 404] : [401, 403];
  switch (probe.kind) {
    case 'unauthenticated':
      if (answer.status !== 401) return `expected 401, got ${said}`;
      return isProblem ? undefined : `refusal is not problem+json (${answer.type})`;
    case 'refused':
      if (!refusal.includes(answer.status)) return `expected ${refusal.join('/')}, got ${said}`;
      return isProblem ? undefined : `refusal is not problem+json (${answer.type})`;
    case 'out-of-scope':
      if (![403, 404].includes(answer.status)) return `expected 403/404 out of scope, got ${said}`;
      return isProblem ? undefined : `refusal is not problem+json (${answer.type})`;
    case 'filtered': {
      if ([403, 404].includes(answer.status)) return isProblem ? undefined : `refusal is not problem+json`;
      if (answer.status >= 300) return `expected 2xx without foreign resources or 403/404, got ${said}`;
      const leaked = markers.filter((marker) => answer.text.includes(marker));
      return leaked.length > 0 ? `answer names out-of-scope ${leaked.join(', ')}` : undefined;
    }
    case 'reported': {
      if ([403, 404].includes(answer.status)) return isProblem ? undefined : `refusal is not problem+json`;
      if (answer.status >= 300) return `expected 2xx reporting the refusal or 403/404, got ${said}`;
      return row.refusedAsReported?.(JSON.parse(answer.text))
        ? undefined
        : `answer does not report the refusal: ${said}`;
    }
    case 'in-scope': {
      const reachable =
        (answer.status < 500 && ![401, 403, 404].includes(answer.status)) ||
        (row.reachableAlso ?? []).includes(answer.status);
      if (!reachable) return `expected the route reachable in scope, got ${said}`;
      if (answer.status >= 400 && !isProblem) return `4xx is not problem+json (${answer.type})`;
      return undefined;
    }
  }
}

async function send<World>(context: Context<World>, route: RouteKey, probe: Probe): Promise<Answer> {
  const [method, template] = route.split(' ') as [string, string];
  const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = probe.call.params?.[name];
    if (value === undefined) throw new Error(`${route}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
  if (context.liveStream) return openStream(context, method, path, probe);
  let pending = request(context.server)[method.toLowerCase() as 'get'](path);
  if (probe.call.query) pending = pending.query(probe.call.query);
  const token = context.tokens.get(probe.caller);
  if (token) pending = pending.set('Authorization', `Bearer ${token}`);
  if (probe.call.contentType) pending = pending.set('Content-Type', probe.call.contentType);
  if (probe.call.body !== undefined) pending = pending.send(probe.call.body as object);
  const response = await pending.buffer(true).parse((res, done) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => done(null, text));
  });
  return {
    status: response.status,
    type: String(response.headers['content-type'] ?? ''),
    text: typeof response.body === 'string' ? response.body : '',
  };
}

// A valid live stream never ends: the answer's status and type are read, then the connection is dropped.
function openStream<World>(
  context: Context<World>,
  method: string,
  path: string,
  probe: Probe,
): Promise<Answer> {
  const { port } = context.server.address() as AddressInfo;
  const query = new URLSearchParams(probe.call.query ?? {}).toString();
  const token = context.tokens.get(probe.caller);
  return new Promise((resolve, reject) => {
    const pending = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path: query ? `${path}?${query}` : path,
        headers: { Accept: 'text/event-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const type = String(response.headers['content-type'] ?? '');
        if (type.startsWith('text/event-stream')) {
          response.destroy();
          resolve({ status, type, text: '' });
          return;
        }
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status, type, text }));
      },
    );
    pending.on('error', reject);
    // A stream that never answers is reported as status 0 rather than stalling the suite.
    pending.setTimeout(5_000, () => {
      pending.destroy();
      resolve({ status: 0, type: '', text: 'no answer within 5 s' });
    });
    pending.end();
  });
}

/** Tokens of the cast, of `system`, a malformed one and one signed by an issuer the service does not trust. */
async function mintTokens(
  service: TestService,
  cast: Record<Role, CastMember>,
): Promise<Map<Caller, string>> {
  const tokens = new Map<Caller, string>();
  for (const role of ROLES) tokens.set(role, await service.tokenFor({ ...cast[role], roles: [role] }));
  // `system` is the actor of timers and automatic decisions; a token naming it grants no role.
  tokens.set('system', await service.tokenFor({ sub: SYSTEM_CALLER, roles: ['system' as Role] }));
  tokens.set('malformed-token', 'not-a-jwt');
  const stranger = await startDevIssuer({ port: 0, issuer: service.env.AUTH_ISSUER });
  try {
    tokens.set('forged-token', await stranger.mint({ ...cast.admin, roles: ['admin'] }));
  } finally {
    await stranger.close();
  }
  return tokens;
}

const SCOPE_WORDS: Record<ScopeRule, string> = {
  own: 'own',
  grid: 'own grid',
  community: 'own community',
  unit: 'own unit',
  district: 'district-wide',
  public: 'public',
};

function describeAccess<World>(row: RouteAccess<World>): string {
  // Roles grouped by their scope, in the table's order: "staff, secretary: own community; admin: district-wide".
  const byRule = new Map<ScopeRule, string[]>();
  for (const [role, rule] of Object.entries(row.allows) as Array<[string, ScopeRule]>) {
    byRule.set(rule, [...(byRule.get(rule) ?? []), role === 'anyone' ? 'anyone signed in' : role]);
  }
  return [...byRule].map(([rule, roles]) => `${roles.join(', ')}: ${SCOPE_WORDS[rule]}`).join('; ');
}

/** The rows of the docs table for `routes`: route, then who may call it and within what scope. */
export function accessTableRows<World>(routes: Array<RouteAccess<World>>): string[][] {
  return [...routes]
    .sort((a, b) => a.route.localeCompare(b.route))
    .map((row) => [
      `\`${row.route}\``,
      describeAccess(row) + (row.hidesExistence ? '; others 404' : ''),
      row.outOfScopeCall ? (row.outOfScope ?? 'refused') : '—',
      row.note ?? '',
    ]);
}

/** The docs table of the rows, as Markdown. */
export function accessTableMarkdown(rows: string[][]): string {
  const header = ['route', 'who, within what scope', 'out of scope', 'note'];
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The rows of the `### <service>` access table in docs/security.md (header and rule lines left out). */
export function accessTableInDocs(service: string): string[][] {
  const text = readFileSync(join(repositoryRoot(), 'docs', 'security.md'), 'utf8');
  const lines = text.split('\n');
  const heading = lines.findIndex((line) => line.trim() === `### ${service}`);
  if (heading < 0) return [];
  const rows: string[][] = [];
  let inTable = false;
  for (const line of lines.slice(heading + 1)) {
    if (line.startsWith('#')) break;
    if (!line.startsWith('|')) {
      if (inTable) break;
      continue;
    }
    inTable = true;
    const cells = line
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim());
    rows.push(cells);
  }
  // The header and the alignment line.
  return rows.slice(2);
}

function repositoryRoot(): string {
  return join(__dirname, '..', '..', '..', '..');
}

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
