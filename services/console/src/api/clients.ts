// Typed clients for the four services, generated from their OpenAPI documents (./generated) and called
// through the paths the Kubernetes ingress routes. Every call carries the person's token and language;
// a 401 ends the session. `data()` turns an error answer into an ApiProblem for the screens to show.
import createClient, { type Middleware } from 'openapi-fetch';
import { language } from '../i18n/language';
import { accessToken, signOut } from '../session/session';
import type { paths as DispatchPaths } from './generated/dispatch';
import type { paths as NotificationsPaths } from './generated/notifications';
import type { paths as RequestsPaths } from './generated/requests';
import type { paths as VolunteerHoursPaths } from './generated/volunteer-hours';
import { ApiProblem } from './problem';

export type { components as RequestsSchemas } from './generated/requests';
export type { components as DispatchSchemas } from './generated/dispatch';
export type { components as VolunteerHoursSchemas } from './generated/volunteer-hours';
export type { components as NotificationsSchemas } from './generated/notifications';

/** Adds the bearer token and the language; forgets a token the services no longer accept. */
const personAndLanguage: Middleware = {
  onRequest({ request }) {
    const token = accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    request.headers.set('Accept-Language', language.value);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && accessToken()) signOut();
    return response;
  },
};

/** Where the ingress routes each service: the console's own origin, by path prefix. */
const origin = () => globalThis.location?.origin ?? 'http://127.0.0.1:3000';

function client<Paths extends object>(prefix: string) {
  const api = createClient<Paths>({ baseUrl: `${origin()}${prefix}` });
  api.use(personAndLanguage);
  return api;
}

/** The requests service: categories, tickets, their story. */
export const requestsApi = client<RequestsPaths>('/api/requests');
/** The dispatch service: offers, assignments, the board, the directory. */
export const dispatchApi = client<DispatchPaths>('/api/dispatch');
/** The volunteer-hours service: statements, leaderboards, activities. */
export const volunteerHoursApi = client<VolunteerHoursPaths>('/api/volunteer-hours');
/** The notifications service: the inbox (the live stream is in live/). */
export const notificationsApi = client<NotificationsPaths>('/api/notifications');

/** What an openapi-fetch call resolves to, as far as `data()` needs it. */
interface CallResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's body, or an ApiProblem with the status and problem document. */
export async function data<T>(call: Promise<CallResult<T>>): Promise<T> {
  const { data: body, error, response } = await call;
  if (!response.ok) throw new ApiProblem(response.status, error);
  return body as T;
}
