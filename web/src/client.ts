// The typed client of the JSON API: paths, parameters and answers come from docs/openapi.yaml
// (openapi-typescript generates src/generated/openapi.d.ts at each build), so a page cannot ask
// for a route or read a field the contract does not have. A refusal becomes an ApiError with the
// server's Vietnamese message and the field it names; state changes carry the CSRF token.
import createClient, { type Middleware } from 'openapi-fetch';
import { QueryClient } from '@tanstack/react-query';
import { ApiError, csrf } from './api';
import type { components, paths } from './generated/openapi';

export type Schemas = components['schemas'];

const csrfAndErrors: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET') request.headers.set('X-CSRF-Token', csrf());
    return request;
  },
  async onResponse({ response }) {
    if (response.ok) return response;
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

// Server state: answers are cached by their key, an answer to an older request never overwrites a
// newer one, and a change invalidates what it touches instead of counting reloads.
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
  },
});

// The data of an answer that did not throw (the middleware throws on every refusal).
export function data<T>(r: { data?: T }): T {
  return r.data as T;
}
