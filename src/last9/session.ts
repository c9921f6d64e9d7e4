// A step's conversation with Last9: at most one token exchange (reusing the main step's access
// token in the post step while it is valid), then the event, over one kept-alive connection.

import type { ChangeEvent } from '../marker/events.js';
import { Deadline, Last9Client, tokenOrganization, type AccessToken, type CallResult } from './client.js';
import { describeFailure, type Last9Call } from './failures.js';
import { attemptTimeoutMs, type RetryPolicy } from './retry.js';

/** A token this close to expiry is exchanged again rather than risked. */
const TOKEN_EXPIRY_MARGIN_MS = 60_000;

/** `input`: the fault is an input's (org_slug), reported as an input problem. */
export type Delivery = { delivered: true } | { delivered: false; message: string; input?: true };

/** Where and as whom the events go, and how long a step may spend on it. */
export interface Last9Account {
  apiBaseUrl: string;
  /** Undefined: the organization the access token names. */
  orgSlug?: string;
  refreshToken: string;
  retry: RetryPolicy;
  timeoutMs: number;
}

export interface SessionOptions {
  /** An access token from the main step, if it saved one. */
  cachedToken?: AccessToken;
  /** Called with each new access token, after it is masked. */
  onNewToken?: (token: AccessToken) => void;
  /** Masks a secret in the log before anything could print it. */
  mask(secret: string): void;
  info(text: string): void;
  /** Said once a step: org_slug names another organization than the access token's. */
  warn(text: string): void;
}

export class Last9Session {
  private readonly client: Last9Client;
  private token: AccessToken | undefined;
  /** True when the token came from the main step rather than from this session's exchange. */
  private readonly reusingToken: boolean;
  private exchanging: ReturnType<Last9Session['exchange']> | undefined;
  private warnedOrganization = false;

  constructor(
    private readonly settings: Last9Account,
    private readonly options: SessionOptions,
  ) {
    this.client = new Last9Client({
      apiBaseUrl: settings.apiBaseUrl,
      retry: settings.retry,
      deadline: new Deadline(settings.timeoutMs),
      attemptTimeoutMs: attemptTimeoutMs(settings.timeoutMs, settings.retry),
      secrets: [settings.refreshToken, ...(options.cachedToken ? [options.cachedToken.token] : [])],
    });
    const cached = options.cachedToken;
    this.token = cached && (cached.expiresAtMs === undefined || cached.expiresAtMs - Date.now() > TOKEN_EXPIRY_MARGIN_MS) ? cached : undefined;
    this.reusingToken = this.token !== undefined;
  }

  /** Starts the token exchange now, so that it overlaps what the step does before it sends (the GitHub lookups). */
  prepare(forEvent: ChangeEvent['event_state']): void {
    if (!this.token) this.exchanging ??= this.exchange(forEvent);
  }

  async deliver(event: ChangeEvent): Promise<Delivery> {
    const token = this.token ?? (await (this.exchanging ??= this.exchange(event.event_state)));
    if ('message' in token) return token;
    const org = this.organization(token);
    if (typeof org !== 'string') return org;

    let sent = await this.client.sendEvent(token.token, org, event);
    // The main step's token may have been revoked or expired early; one fresh exchange settles it.
    if (!sent.ok && this.reusingToken && sent.failure.kind === 'http' && sent.failure.status === 401) {
      this.options.info('Last9 refused the access token saved by the main step; exchanging the refresh token again.');
      const fresh = await this.exchange(event.event_state);
      if ('message' in fresh) return fresh;
      sent = await this.client.sendEvent(fresh.token, org, event);
    }
    return sent.ok ? { delivered: true } : this.failed(event.event_state, event.event_state, sent, org);
  }

  /**
   * Where the events go: the organization the access token is for, else org_slug. A token for
   * another organization than org_slug names could not write there: the events go to the token's,
   * and a warning names both (a typo in org_slug would otherwise be a bare 404).
   */
  private organization(token: AccessToken): string | Extract<Delivery, { delivered: false }> {
    const named = tokenOrganization(token.token);
    const given = this.settings.orgSlug;
    if (named && given && named !== given && !this.warnedOrganization) {
      this.warnedOrganization = true;
      this.options.warn(`org_slug "${given}" is not the organization the access token is for ("${named}"): the events go to "${named}". Set org_slug to "${named}", or leave it out.`);
    }
    const org = named ?? given;
    if (org) return org;
    return { delivered: false, input: true, message: 'Input "org_slug" is required: the access token does not say which Last9 organization it is for. No marker was sent.' };
  }

  dispose(): void {
    this.client.dispose();
  }

  private async exchange(forEvent: ChangeEvent['event_state']): Promise<AccessToken | Extract<Delivery, { delivered: false }>> {
    const result = await this.client.exchangeToken(this.settings.refreshToken);
    if (!result.ok) return this.failed('token', forEvent, result);
    this.options.mask(result.value.token);
    this.token = result.value;
    this.options.onNewToken?.(result.value);
    return result.value;
  }

  private failed(call: Last9Call, event: ChangeEvent['event_state'], result: Extract<CallResult<unknown>, { ok: false }>, org?: string): { delivered: false; message: string } {
    const message = describeFailure(result.failure, {
      call,
      event,
      attempts: result.attempts,
      orgSlug: org ?? this.settings.orgSlug,
      apiBaseUrl: this.settings.apiBaseUrl,
    });
    return { delivered: false, message };
  }
}
