// The typed client of the JSON API: paths, parameters and answers come from docs/openapi.yaml
// (openapi-typescript generates src/generated/openapi.d.ts at each build), so a page cannot ask
// for a route or read a field the contract does not have. A refusal becomes an ApiError with the
// server's Vietnamese message and the field it names; state changes carry the CSRF token.
import createClient, { type Middleware } from 'openapi-fetch';
import createQueryHooks from 'openapi-react-query';
import { ApiError, csrf } from './api';
import { queryClient } from './queryClient';
import type { components, paths } from './generated/openapi';

export type Schemas = components['schemas'];

const csrfAndErrors: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET') request.headers.set('X-CSRF-Token', csrf());
    return request;
  },
  async onResponse({ request, response }) {
    if (response.ok) {
      if (request.method !== 'GET') void queryClient.invalidateQueries();
      return response;
    }
    const body = await response
      .clone()
      .json()
      .catch(() => ({}));
    const e = (body.error ?? {}) as Record<string, string>;
    throw new ApiError(
      response.status,
      e.code ?? 'error',
      e.message ?? `Lỗi ${response.status}`,
      e.field ?? '',
      e.rule ?? '',
      body,
    );
  },
};

export const client = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
client.use(csrfAndErrors);

export { queryClient } from './queryClient';

// The data of an answer that did not throw (the middleware throws on every refusal).
export function data<T>(r: { data?: T }): T {
  return r.data as T;
}

// The typed hooks: $api.useQuery('get', '/api/v1/orgs/{code}/stats', { params }) — the key is the
// route and its parameters, the request is cancelled when the page no longer needs it.
export const $api = createQueryHooks(client);

// The Vietnamese message of a failed request, whichever way it failed (a refusal arrives as an
// ApiError from the middleware; its body's type is what the generated hooks declare).
export function errorText(e: unknown): string {
  if (!e) return '';
  if (e instanceof Error) return e.message;
  const body = e as { error?: { message?: string } };
  return body.error?.message ?? 'Không kết nối được máy chủ.';
}
