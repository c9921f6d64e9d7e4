// The two Last9 API calls (token exchange, change event) over @actions/http-client, with retries
// and one deadline for everything a step sends.

import type { ChangeEvent } from '../marker/events.js';
import { HttpConnection, RefusedAnswer } from '../http/connection.js';
import { decideRetry, type AttemptOutcome, type RetryPolicy } from './retry.js';
import { redact, withoutSecretValues } from '../text/redact.js';

export interface AccessToken {
  token: string;
  /** Epoch milliseconds; undefined when Last9 did not say. */
  expiresAtMs?: number;
}

export type CallFailure =
  | { kind: 'http'; status: number; body: string }
  | { kind: 'network'; message: string }
  | { kind: 'timeout'; budgetMs: number }
  | { kind: 'bad-answer'; detail: string };

export type CallResult<T> = { ok: true; value: T; attempts: number } | { ok: false; failure: CallFailure; attempts: number };

/** A server's answer is quoted in a message only as a short excerpt, redacted and on one line. */
export const MAX_BODY_IN_MESSAGE = 120;
/**
 * An access token is masked in the log as soon as it arrives; a shorter one would mask common
 * text (a hostile `"access_token": "a"` would blank every "a"), so it is refused instead.
 */
export const MIN_ACCESS_TOKEN_LENGTH = 16;
/**
 * Last9's access tokens are JWTs of about a kilobyte. One far longer is no token Last9 issued, and
 * would not fit where a window hands it to its post step (GITHUB_STATE, which reaches the post
 * step as one environment variable).
 */
export const MAX_ACCESS_TOKEN_LENGTH = 8 * 1024;
/** Last9's answers are small JSON objects; a body larger than this is not one of them. */
export const MAX_LAST9_BODY_BYTES = 1024 * 1024;

/** A Last9 organization slug, as org_slug takes it and an access token names it: no "/", ".." or spaces. */
export function isOrgSlug(value: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(value) && !value.includes('..');
}

/**
 * The organization an access token is for: its `organization_slug` claim. Last9's access tokens
 * are JWTs; its own MCP server reads the organization from this claim. Undefined for a token that
 * does not say (it is opaque then: nothing else is read from it).
 */
export function tokenOrganization(token: string): string | undefined {
  const [, payload, signature, ...rest] = token.split('.');
  if (!payload || signature === undefined || rest.length > 0) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const slug = claims !== null && typeof claims === 'object' ? (claims as Record<string, unknown>).organization_slug : undefined;
    return typeof slug === 'string' && isOrgSlug(slug) ? slug : undefined;
  } catch {
    return undefined;
  }
}

export function changeEventsPath(orgSlug: string): string {
  return `/api/v4/organizations/${encodeURIComponent(orgSlug)}/change_events`;
}

/** Everything one step sends to Last9 must end by this time. */
export class Deadline {
  private readonly endMs: number;
  constructor(
    readonly budgetMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.endMs = now() + budgetMs;
  }
  remainingMs(): number {
    return Math.max(0, this.endMs - this.now());
  }
}

export interface ClientOptions {
  apiBaseUrl: string;
  retry: RetryPolicy;
  deadline: Deadline;
  /** How long one try may wait for an answer before it is abandoned and retried. */
  attemptTimeoutMs: number;
  /** Values to blank out of anything Last9 answers before it reaches a message. */
  secrets: string[];
  userAgent?: string;
  random?: () => number;
}

interface RawResponse {
  status: number;
  body: string;
  retryAfter?: string;
}

class TimedOut extends Error {}

export class Last9Client {
  private http: HttpConnection;
  private disposed = false;

  constructor(private readonly options: ClientOptions) {
    this.http = this.newHttpClient();
  }

  async exchangeToken(refreshToken: string): Promise<CallResult<AccessToken>> {
    const result = await this.call('POST', '/api/v4/oauth/access_token', { refresh_token: refreshToken }, {});
    if (!result.ok) return result;
    const token = parseAccessToken(result.value.body, Date.now());
    if (typeof token === 'string') return { ok: false, failure: { kind: 'bad-answer', detail: token }, attempts: result.attempts };
    this.options.secrets.push(token.token);
    return { ok: true, value: token, attempts: result.attempts };
  }

  async sendEvent(accessToken: string, orgSlug: string, event: ChangeEvent): Promise<CallResult<void>> {
    // The last gate before anything leaves: no attribute carries a token this client knows of
    // (the step warned already about the refresh token and the runner's; an access token can only
    // come back as a label from a server that chose it to).
    const { attributes } = withoutSecretValues(event.attributes, this.options.secrets);
    const body = { ...event, attributes };
    const result = await this.call('PUT', changeEventsPath(orgSlug), body, { 'X-LAST9-API-TOKEN': `Bearer ${accessToken}` });
    return result.ok ? { ok: true, value: undefined, attempts: result.attempts } : result;
  }

  /** Closes kept-alive connections, and ends a call under way at its next retry, so the process can exit. */
  dispose(): void {
    this.disposed = true;
    this.http.dispose();
  }

  private newHttpClient(): HttpConnection {
    return new HttpConnection({
      userAgent: this.options.userAgent ?? 'last9-deployment-marker',
      socketTimeoutMs: this.options.deadline.budgetMs,
      maxBodyBytes: MAX_LAST9_BODY_BYTES,
    });
  }

  private async call(method: 'POST' | 'PUT', path: string, body: unknown, headers: Record<string, string>): Promise<CallResult<RawResponse>> {
    const url = this.options.apiBaseUrl + path;
    const payload = JSON.stringify(body);
    const requestHeaders = { 'Content-Type': 'application/json', Accept: 'application/json', ...headers };
    const { deadline, retry } = this.options;
    for (let attempts = 1; ; attempts++) {
      let outcome: AttemptOutcome;
      let response: RawResponse | undefined;
      const remainingMs = deadline.remainingMs();
      const timeoutMs = Math.min(remainingMs, this.options.attemptTimeoutMs);
      try {
        response = await this.within(timeoutMs, async () => {
          const answer = await this.http.request(method, url, payload, requestHeaders);
          return { status: answer.status, body: answer.body.toString('utf8'), retryAfter: answer.headers['retry-after'] };
        });
        outcome = { status: response.status, retryAfter: response.retryAfter };
      } catch (error) {
        if (error instanceof RefusedAnswer && error.reason === 'too-large') {
          return { ok: false, failure: { kind: 'bad-answer', detail: `Last9's answer was ${error.message}` }, attempts };
        }
        if (!(error instanceof TimedOut)) outcome = { networkError: describeNetworkError(error) };
        else if (timeoutMs >= remainingMs) return { ok: false, failure: { kind: 'timeout', budgetMs: deadline.budgetMs }, attempts };
        else outcome = { networkError: `no answer within ${timeoutMs / 1000} s` };
      }

      const decision = decideRetry({ attempts, outcome, policy: retry, remainingMs: deadline.remainingMs(), nowMs: Date.now(), random: this.options.random ?? Math.random });
      if (decision.retry) {
        await sleep(decision.delayMs);
        if (!this.disposed) continue;
      } else if (decision.reason === 'success' && response) {
        return { ok: true, value: response, attempts };
      }
      if (response) return { ok: false, failure: { kind: 'http', status: response.status, body: this.forMessage(response.body) }, attempts };
      return { ok: false, failure: { kind: 'network', message: this.forMessage('networkError' in outcome ? outcome.networkError : '') }, attempts };
    }
  }

  /** Runs one try, abandoning it (and its connection) if it is not answered in time. */
  private async within<T>(timeoutMs: number, attempt: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimedOut()), timeoutMs);
    });
    try {
      return await Promise.race([attempt(), expired]);
    } catch (error) {
      if (error instanceof TimedOut) {
        this.http.dispose();
        this.http = this.newHttpClient();
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private forMessage(text: string): string {
    const oneLine = redact(text, this.options.secrets).replace(/\s+/g, ' ').trim();
    return oneLine.length > MAX_BODY_IN_MESSAGE ? `${oneLine.slice(0, MAX_BODY_IN_MESSAGE)}…` : oneLine;
  }
}

/** The access token from a token-exchange answer, or a description of what was wrong with it. */
export function parseAccessToken(body: string, nowMs: number): AccessToken | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'the token exchange answered with something that is not JSON';
  }
  const answer = (parsed ?? {}) as { access_token?: unknown; expires_at?: unknown; expires_in?: unknown };
  if (typeof answer.access_token !== 'string' || answer.access_token === '') {
    return 'the token exchange answer has no access_token';
  }
  if (answer.access_token.length < MIN_ACCESS_TOKEN_LENGTH) {
    return `the token exchange answered with an access_token of ${answer.access_token.length} characters, too short to be one; it was not used`;
  }
  if (answer.access_token.length > MAX_ACCESS_TOKEN_LENGTH) {
    return `the token exchange answered with an access_token of ${answer.access_token.length} characters, far longer than one Last9 issues; it was not used`;
  }
  const finite = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
  const expiresAt = finite(answer.expires_at);
  const expiresIn = finite(answer.expires_in);
  const expiresAtMs = expiresAt !== undefined ? expiresAt * 1000 : expiresIn !== undefined ? nowMs + expiresIn * 1000 : undefined;
  return { token: answer.access_token, expiresAtMs };
}

function describeNetworkError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  if (message) return code && !message.includes(code) ? `${code}: ${message}` : message;
  return code ?? String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
