// The property-based check every service passes: whatever a client sends — wrong types, control
// characters, deep nesting, huge strings, garbage path parameters — the answer is a client error in
// problem+json, never a server error. Routes come from the service's own OpenAPI document, so a new
// route is covered the day it is documented.
import { randomUUID } from 'node:crypto';
import type { Type } from '@nestjs/common';
import fc from 'fast-check';
import request from 'supertest';
import {
  hasForbiddenControlCharacter,
  JSON_BODY_LIMIT,
  MAX_JSON_DEPTH,
  ROLES,
  type Role,
  type ServiceOptions,
} from '@loop/platform';
import { startTestService, TestService } from './test-service';

/** How hard each route is tried. */
export interface HostileInputOptions {
  /** Generated requests per route; fixed so a run's length does not depend on luck. */
  runsPerRoute?: number;
  /** The fast-check seed; failures print it, and HOSTILE_INPUT_SEED replays a run. */
  seed?: number;
  /** Declares the service's own named cases inside the suite, against the same running service. */
  cases?: (service: () => TestService) => void;
}

/** Default runs per route: enough to hit every kind of hostile value, small enough for < 30 s a service. */
const DEFAULT_RUNS_PER_ROUTE = 30;
const DEFAULT_SEED = 20_260_113;
const ROUTES_AT_ONCE = 4;

/** One documented operation, as the OpenAPI document describes it. */
export interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** Property names and examples of the JSON body, when the operation takes one. */
  body?: { properties: Record<string, unknown>; csv: boolean };
  /** True when the operation answers with a live stream (`text/event-stream`). */
  liveStream: boolean;
  /**
   * How the route answers a refusal: problem+json, or a standard's own error document where the
   * operation says so with `x-error-format` (the Open311 facade's GeoReport error lists).
   */
  errorFormat: 'problem' | 'georeport';
}

/** A generated request and whether it is hostile enough that only a 4xx is a right answer. */
interface HostileRequest {
  pathValues: string[];
  query: Array<[string, string]>;
  body?: { contentType: string; text: string };
  mustBeRefused: boolean;
}

/** The parts of an OpenAPI document the route enumeration reads. */
export type OpenApiDocument = {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
};
type OpenApiOperation = {
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
  'x-error-format'?: string;
};
type OpenApiSchema = {
  $ref?: string;
  properties?: Record<string, OpenApiSchema & { example?: unknown }>;
  allOf?: OpenApiSchema[];
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

// C0 controls PostgreSQL or a log line cannot hold; tab, LF and CR are ordinary text.
const forbiddenControl = fc
  .integer({ min: 0, max: 0x1f })
  .filter((code) => code !== 0x09 && code !== 0x0a && code !== 0x0d)
  .map((code) => String.fromCharCode(code));

/** A string holding at least one forbidden control character, NUL most often. */
const textWithControlCharacter = fc
  .tuple(
    fc.string({ maxLength: 12 }),
    fc.oneof({ weight: 3, arbitrary: fc.constant('\u0000') }, { weight: 1, arbitrary: forbiddenControl }),
    fc.string({ maxLength: 12 }),
  )
  .map(([before, control, after]) => `${before}${control}${after}`);

/** Path parameter values a client should not be able to turn into a server error. */
const garbageSegment = fc.oneof(
  textWithControlCharacter,
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.constantFrom("' OR 1=1 --", '..', '%', '\\', '-1', '0', '99999999999999999999', 'null', 'm-0114'),
  fc.uuid().map((id) => id.toUpperCase()),
  fc.string({ minLength: 300, maxLength: 600, unit: 'binary-ascii' }),
);

/** A JSON value of any shape, strings sometimes holding control characters. */
const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.constantFrom(2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e308, -0.5, 1.5),
    fc.string({ maxLength: 20 }),
    textWithControlCharacter,
    fc.constantFrom('2026-02-30', '9999-12-31T99:99:99Z', '', ' ', '0000-00-00', 'not-a-date'),
    fc.uuid(),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** Depth beyond the platform's limit, thousands of levels. */
const deepJson = fc
  .integer({ min: MAX_JSON_DEPTH + 1, max: 5_000 })
  .chain((depth) =>
    fc.constantFrom(
      `${'['.repeat(depth)}${']'.repeat(depth)}`,
      `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
    ),
  );

const bodyLimitBytes = Number.parseInt(JSON_BODY_LIMIT, 10) * 1024;

/** A body just over the size limit. */
const oversizedJson = fc.constant(JSON.stringify({ note: 'x'.repeat(bodyLimitBytes + 1) }));

// Per-person write limits (docs/security.md) high enough that no generated request meets the limiter.
const generousRateLimits = {
  RATE_LIMIT_TICKET_SUBMISSIONS: '100000',
  RATE_LIMIT_TICKET_ACTIONS: '100000',
  RATE_LIMIT_WEBHOOK_CHANGES: '100000',
  RATE_LIMIT_PREFERENCE_CHANGES: '100000',
};

/**
 * Declares the hostile-input suite of a service: boots it on real infrastructure, reads its routes from
 * `GET /docs-json`, and for each throws generated requests with a token of a role the route admits.
 */
export function describeHostileInputs(
  appModule: Type<unknown>,
  serviceOptions: ServiceOptions,
  options: HostileInputOptions = {},
): void {
  const runsPerRoute = options.runsPerRoute ?? DEFAULT_RUNS_PER_ROUTE;
  const seed = Number(process.env.HOSTILE_INPUT_SEED ?? options.seed ?? DEFAULT_SEED);

  describe(`the ${serviceOptions.name} service under hostile input`, () => {
    let service: TestService;

    beforeAll(async () => {
      // Thousands of refused requests would each log a warning line; only errors matter here.
      // Limits per person high enough that every generated body reaches validation, not the limiter.
      service = await startTestService(appModule, serviceOptions, {
        env: { LOG_LEVEL: 'error', ...generousRateLimits },
      });
    });
    afterAll(() => service?.close());

    it('answers every documented route without a server error and refuses hostile input with a problem+json 4xx', async () => {
      const server = service.app.getHttpServer();
      // Listening once: supertest would otherwise open and close the server around every request,
      // which requests sent side by side cannot share.
      if (!server.address()) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const document = (await request(server).get('/docs-json').expect(200)).body as OpenApiDocument;
      const routes = routesOf(document).filter((route) => !route.liveStream);
      expect(routes.length).toBeGreaterThan(0);
      const tokens = await tokensByRole(service);
      const tryRoute = async (route: Route): Promise<string | undefined> => {
        const token = await admittedToken(server, route, tokens);
        const outcome = await fc.check(
          fc.asyncProperty(hostileRequest(route), async (hostile) => {
            const answer = await send(server, route, hostile, token);
            return isRightAnswer(answer, hostile, route);
          }),
          { numRuns: runsPerRoute, seed, endOnFailure: true },
        );
        if (!outcome.failed) return undefined;
        const example = outcome.counterexample?.[0] as HostileRequest | undefined;
        const answer = example && (await send(server, route, example, token));
        return (
          `${route.method.toUpperCase()} ${route.path} (seed ${seed}): ${describeRequest(example)} → ` +
          `${answer?.status} ${answer?.type} ${truncate(answer?.text ?? String(outcome.errorInstance))}`
        );
      };
      // A few routes at a time: each route's runs stay in order (and so replayable), the suite stays short.
      const failures: string[] = [];
      for (let first = 0; first < routes.length; first += ROUTES_AT_ONCE) {
        const outcomes = await Promise.all(routes.slice(first, first + ROUTES_AT_ONCE).map(tryRoute));
        failures.push(...outcomes.filter((failure): failure is string => failure !== undefined));
      }
      expect(failures).toEqual([]);
    });

    describe('the platform limits, on the first route that takes each input', () => {
      let routes: Route[];
      let admin: string;

      beforeAll(async () => {
        const server = service.app.getHttpServer();
        routes = routesOf(
          (await request(server).get('/docs-json').expect(200)).body as OpenApiDocument,
        ).filter((route) => !route.liveStream);
        admin = (await tokensByRole(service)).get('admin')!;
      });

      const firstWithBody = () =>
        routes.find((route) => route.body && route.pathParams.length === 0) ??
        routes.find((route) => route.body);
      const firstWithPathParam = () => routes.find((route) => route.pathParams.length > 0);

      it('refuses a body nested thousands of levels deep with 400 before any handler reads it', async () => {
        const route = firstWithBody();
        if (!route) return;
        const depth = 5_000;
        const answer = await send(
          service.app.getHttpServer(),
          route,
          {
            pathValues: route.pathParams.map(() => randomUUID()),
            query: [],
            body: { contentType: 'application/json', text: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` },
            mustBeRefused: true,
          },
          admin,
        );
        expect(answer.status).toBe(400);
        expect(answer.type).toMatch(/^application\/problem\+json/);
        expect(JSON.parse(answer.text)).toMatchObject({ code: 'request.too-deeply-nested' });
      });

      it('refuses a body over the size limit with 413', async () => {
        const route = firstWithBody();
        if (!route) return;
        const answer = await send(
          service.app.getHttpServer(),
          route,
          {
            pathValues: route.pathParams.map(() => randomUUID()),
            query: [],
            body: {
              contentType: 'application/json',
              text: JSON.stringify({ note: 'x'.repeat(bodyLimitBytes + 1) }),
            },
            mustBeRefused: true,
          },
          admin,
        );
        expect(answer.status).toBe(413);
        expect(answer.type).toMatch(/^application\/problem\+json/);
      });

      it('refuses a NUL in a path parameter with 400 naming the parameter', async () => {
        const route = firstWithPathParam();
        if (!route) return;
        const server = service.app.getHttpServer();
        const token = await admittedToken(server, route, await tokensByRole(service));
        const answer = await send(
          server,
          route,
          {
            pathValues: route.pathParams.map(() => `x\u0000y`),
            query: [],
            body: route.body ? { contentType: 'application/json', text: '{}' } : undefined,
            mustBeRefused: true,
          },
          token,
        );
        expect(answer.status).toBe(400);
        expect(answer.type).toMatch(/^application\/problem\+json/);
        const fields = (JSON.parse(answer.text) as { errors?: Array<{ field: string }> }).errors?.map(
          (e) => e.field,
        );
        expect(fields?.some((field) => route.pathParams.includes(field))).toBe(true);
      });
    });

    options.cases?.(() => service);
  });
}

/** Every operation the document describes; live streams are marked, since a valid request never ends. */
export function routesOf(document: OpenApiDocument): Route[] {
  const routes: Route[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = operations[method];
      if (!operation) continue;
      const parameters = operation.parameters ?? [];
      const content = operation.requestBody?.content ?? {};
      const jsonSchema = content['application/json']?.schema;
      routes.push({
        method,
        path,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        body: operation.requestBody
          ? { properties: propertiesOf(jsonSchema, document), csv: 'text/csv' in content }
          : undefined,
        liveStream: isEventStream(operation),
        errorFormat: operation['x-error-format'] === 'georeport' ? 'georeport' : 'problem',
      });
    }
  }
  return routes;
}

// A live stream never ends when the request is valid; its hostile query is covered by its own suite.
function isEventStream(operation: OpenApiOperation): boolean {
  return Object.values(operation.responses ?? {}).some(
    (response) => 'text/event-stream' in (response.content ?? {}),
  );
}

function propertiesOf(schema: OpenApiSchema | undefined, document: OpenApiDocument): Record<string, unknown> {
  if (!schema) return {};
  if (schema.$ref)
    return propertiesOf(document.components?.schemas?.[schema.$ref.split('/').pop()!], document);
  const own = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, property]) => [name, property.example]),
  );
  return Object.assign({}, ...(schema.allOf ?? []).map((part) => propertiesOf(part, document)), own);
}

/** Requests for one route: every part hostile in some runs, and at least one part hostile in each. */
function hostileRequest(route: Route): fc.Arbitrary<HostileRequest> {
  const pathValues = fc.tuple(
    ...route.pathParams.map(() =>
      fc.oneof(garbageSegment, fc.uuid(), fc.constantFrom('c-01', 'm-0001', 'members')),
    ),
  );
  const query = fc.array(
    fc.tuple(
      route.queryParams.length > 0
        ? fc.constantFrom(...route.queryParams)
        : fc.string({ minLength: 1, maxLength: 8 }),
      fc.oneof(
        textWithControlCharacter,
        fc.string({ maxLength: 30 }),
        fc.constantFrom('-1', '1e9', 'NaN', '[]'),
      ),
    ),
    { maxLength: 3 },
  );
  const body = route.body ? bodyFor(route.body) : fc.constant(undefined);
  return fc.record({ pathValues, query, body }).map(({ pathValues: values, query: pairs, body: sent }) => ({
    pathValues: values as string[],
    query: pairs,
    body: sent?.body,
    mustBeRefused:
      (values as string[]).some((value) => hasControl(value)) ||
      pairs.some(([name, value]) => route.queryParams.includes(name) && hasControl(value)) ||
      (sent?.mustBeRefused ?? false),
  }));
}

function bodyFor(schema: NonNullable<Route['body']>): fc.Arbitrary<{
  body: { contentType: string; text: string };
  mustBeRefused: boolean;
}> {
  const names = Object.keys(schema.properties);
  const json = (text: string, mustBeRefused: boolean) => ({
    body: { contentType: 'application/json', text },
    mustBeRefused,
  });
  // The documented body with one or more fields replaced: most likely to pass validation elsewhere
  // and reach the deepest code with the hostile value.
  const nearlyValid =
    names.length > 0
      ? fc
          .record(
            Object.fromEntries(names.map((name) => [name, fc.option(anyJson, { nil: undefined })])) as Record<
              string,
              fc.Arbitrary<unknown>
            >,
          )
          .map((overrides) => {
            const body: Record<string, unknown> = { ...schema.properties };
            for (const [name, value] of Object.entries(overrides))
              if (value !== undefined) body[name] = value;
            return json(JSON.stringify(body), containsControl(body));
          })
      : fc.constant(json('{}', false));
  const variants = [
    nearlyValid,
    anyJson.map((value) => json(JSON.stringify(value), containsControl(value))),
    deepJson.map((text) => json(text, true)),
    oversizedJson.map((text) => json(text, true)),
    fc.constantFrom('{', '{"a":', 'nul', '[1,]', '\u0000').map((text) => json(text, true)),
  ];
  if (schema.csv) {
    variants.push(
      fc.tuple(fc.string({ maxLength: 10 }), textWithControlCharacter).map(([code, name]) => ({
        body: { contentType: 'text/csv', text: `code,name\n${csvCell(code)},${csvCell(name)}\n` },
        mustBeRefused: true,
      })),
    );
  }
  return fc.oneof(...variants);
}

async function tokensByRole(service: TestService): Promise<Map<Role, string>> {
  const community = randomUUID();
  const grid = randomUUID();
  const tokens = new Map<Role, string>();
  for (const role of ROLES) {
    tokens.set(
      role,
      await service.tokenFor({
        sub: `hostile-${role.replace('_', '-')}`,
        roles: [role],
        community_ids: [community],
        grid_ids: [grid],
        // A unit only off the district admin: with one, some services read an admin as a unit's admin.
        ...(role !== 'admin' && { unit_id: 'u-hostile' }),
        ...(role === 'secretary' && { escalation_level: 1 }),
        ...(role === 'official' && { escalation_level: 2 }),
      }),
    );
  }
  return tokens;
}

// District-wide roles first: they get past scope checks and so exercise the most code.
const PROBE_ORDER: Role[] = ['admin', 'staff', 'secretary', 'official', 'grid_worker', 'member', 'resident'];

/** The token of the first role the route does not refuse outright (401/403) on a harmless request. */
async function admittedToken(
  server: Parameters<typeof request>[0],
  route: Route,
  tokens: Map<Role, string>,
): Promise<string> {
  const roles = [...PROBE_ORDER, ...[...tokens.keys()].filter((role) => !PROBE_ORDER.includes(role))];
  const harmless: HostileRequest = {
    pathValues: route.pathParams.map(() => randomUUID()),
    query: [],
    body: route.body ? { contentType: 'application/json', text: '{}' } : undefined,
    mustBeRefused: false,
  };
  for (const role of roles) {
    const answer = await send(server, route, harmless, tokens.get(role)!);
    if (answer.status !== 401 && answer.status !== 403) return tokens.get(role)!;
  }
  return tokens.get('admin')!;
}

interface Answer {
  status: number;
  type: string;
  text: string;
}

async function send(
  server: Parameters<typeof request>[0],
  route: Route,
  hostile: HostileRequest,
  token: string,
): Promise<Answer> {
  let index = 0;
  const path = route.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(hostile.pathValues[index++] ?? ''));
  const search = hostile.query.map(
    ([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`,
  );
  const url = search.length > 0 ? `${path}?${search.join('&')}` : path;
  let pending = request(server)[route.method](url).set('Authorization', `Bearer ${token}`);
  if (hostile.body) pending = pending.set('Content-Type', hostile.body.contentType).send(hostile.body.text);
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

function isRightAnswer(answer: Answer, hostile: HostileRequest, route: Route): boolean {
  if (answer.status >= 500) return false;
  if (answer.status >= 400 && route.errorFormat === 'georeport') return isGeoReportErrorList(answer);
  if (answer.status >= 400) return answer.type.startsWith('application/problem+json');
  return !hostile.mustBeRefused;
}

// A GeoReport v2 error document: a JSON list of { code, description }, or <errors><error> in XML.
function isGeoReportErrorList(answer: Answer): boolean {
  if (answer.type.startsWith('text/xml')) return /<errors>\s*<error>/.test(answer.text);
  if (!answer.type.startsWith('application/json')) return false;
  try {
    const parsed = JSON.parse(answer.text) as unknown;
    return Array.isArray(parsed) && parsed.every((entry) => 'code' in entry && 'description' in entry);
  } catch {
    return false;
  }
}

function hasControl(text: string): boolean {
  return hasForbiddenControlCharacter(text);
}

function containsControl(value: unknown): boolean {
  if (typeof value === 'string') return hasControl(value);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, child]) => hasControl(key) || containsControl(child));
}

function csvCell(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function describeRequest(hostile: HostileRequest | undefined): string {
  if (!hostile) return '(no example)';
  return truncate(
    JSON.stringify({
      path: hostile.pathValues,
      query: hostile.query,
      body: hostile.body && { ...hostile.body, text: truncate(hostile.body.text) },
    }),
  );
}

function truncate(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text;
}
