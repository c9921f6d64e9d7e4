// One-line explanations of what went wrong with a Last9 call: which call, what Last9 said, and
// what the user should check. Pure.

import type { CallFailure } from './client.js';

export type Last9Call = 'token' | 'start' | 'stop';

export interface FailureContext {
  call: Last9Call;
  /** The event the step was sending when the call failed. */
  event: 'start' | 'stop';
  attempts: number;
  /** Undefined when the token exchange failed before it could say (org_slug not given). */
  orgSlug?: string;
  apiBaseUrl: string;
}

const CALL_NAMES: Record<Last9Call, string> = {
  token: 'exchange the refresh token for an access token',
  start: 'send the start event',
  stop: 'send the stop event',
};

export function describeFailure(failure: CallFailure, context: FailureContext): string {
  const tries = context.attempts === 1 ? '1 try' : `${context.attempts} tries`;
  const what = `Last9: could not ${CALL_NAMES[context.call]}`;
  const consequence =
    context.call === 'token'
      ? `The ${context.event} event was not sent; the deploy itself is unaffected.`
      : `The ${context.event} event is missing on Last9; the deploy itself is unaffected.`;
  return `${what} (${said(failure)}, after ${tries}). ${hint(failure, context)} ${consequence}`;
}

function said(failure: CallFailure): string {
  switch (failure.kind) {
    case 'http':
      return failure.body ? `HTTP ${failure.status}: ${failure.body}` : `HTTP ${failure.status}`;
    case 'network':
      return `network error: ${failure.message}`;
    case 'timeout':
      return `no answer within timeout_seconds (${failure.budgetMs / 1000} s)`;
    case 'bad-answer':
      return failure.detail;
  }
}

function hint(failure: CallFailure, context: FailureContext): string {
  if (failure.kind === 'network' || failure.kind === 'timeout') {
    return `Check that the runner can reach ${context.apiBaseUrl} (api_base_url; on self-hosted runners also HTTPS_PROXY/NO_PROXY).`;
  }
  if (failure.kind === 'bad-answer') return `Check that api_base_url (${context.apiBaseUrl}) points at the Last9 API.`;
  const { status } = failure;
  if (context.call === 'token' && [400, 401, 403].includes(status)) {
    return 'Last9 rejected the refresh token: check the refresh_token secret (a Last9 refresh token with write scope that has not been revoked).';
  }
  if (status === 404) {
    return context.call === 'token'
      ? `Check api_base_url (${context.apiBaseUrl}).`
      : `Check that org_slug "${context.orgSlug ?? ''}" is your Last9 organization slug.`;
  }
  if (status === 401 || status === 403) return 'Last9 refused the access token: check that the refresh token has write scope for this organization.';
  if (status === 400 || status === 422) return 'Last9 refused the event as malformed; please report this with the message above.';
  if (status === 429 || status >= 500) return 'Last9 is unavailable or rate-limiting; retries did not get through in time (timeout_seconds, max_retry_attempts).';
  return 'Check refresh_token, org_slug and api_base_url.';
}
