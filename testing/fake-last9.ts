// A Last9-compatible receiver on 127.0.0.1 for tests, the demo and the benchmark. It speaks the two
// calls of Last9's API (as its public docs and its own Jenkins plugin use them), refuses what Last9
// would refuse, records what it receives, and can be told to misbehave:
// - POST /api/v4/oauth/access_token {"refresh_token"} → 200 {"access_token", "expires_at" (Unix
//   seconds) or "expires_in", "issued_at", "type": "Bearer", "scopes"}; an unknown refresh token → 401.
//   The access token is a JWT whose `organization_slug` claim names the organization it is for, as
//   Last9's are (its MCP server reads the claim); `tokenOrg: null` issues opaque tokens instead.
// - PUT /api/v4/organizations/{org}/change_events with `X-LAST9-API-TOKEN: Bearer <access token>`
//   (not Authorization) and {"timestamp"?, "event_name", "event_state": start|stop,
//   "data_source_name"?, "attributes"?} → 2xx. An expired or wrong token → 401, an unknown org → 404,
//   a token of another organization → 403,
//   a malformed body → 400/422: every attribute becomes a Prometheus label of the series
//   last9_change_events, so keys must match [a-zA-Z_][a-zA-Z0-9_]* (not starting with __) and
//   values must be strings. 429 and 5xx are transient.

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackServer } from './loopback-server.js';

export const TOKEN_PATH = '/api/v4/oauth/access_token';
const EVENT_PATH = /^\/api\/v4\/organizations\/([^/]+)\/change_events$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export type Endpoint = 'token' | 'event';

/** One scripted misbehaviour, used for the next `times` matching requests. */
export interface Fault {
  on: Endpoint;
  times?: number;
  /** A status (and optional headers/body), or: never answer, reset the connection, or answer 200 with broken JSON. */
  respond: { status: number; headers?: Record<string, string>; body?: string } | 'hang' | 'reset' | 'malformed';
}

export interface ReceivedRequest {
  endpoint: Endpoint | 'unknown';
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** Which TCP connection carried it (1-based), to check keep-alive. */
  connection: number;
  receivedAtMs: number;
  /** The status the server answered, or undefined if it did not answer. */
  status?: number;
}

export interface ReceivedEvent {
  org: string;
  event_name: string;
  event_state: 'start' | 'stop';
  timestamp?: string;
  data_source_name?: string;
  attributes: Record<string, string>;
  receivedAtMs: number;
}

export interface FakeLast9Options {
  refreshTokens?: string[];
  orgs?: string[];
  /** Lifetime of issued access tokens; negative issues tokens that have already expired. */
  tokenLifetimeSeconds?: number;
  /** `expires_at` (Last9's usual answer) or `expires_in`, which some clients see. */
  expiryField?: 'expires_at' | 'expires_in';
  /** The organization the access tokens name (organization_slug); null: opaque tokens. Default: the first org. */
  tokenOrg?: string | null;
  /** Called with each accepted event before the server answers it, e.g. to record it on disk. */
  onEvent?: (event: ReceivedEvent) => void;
}

export const DEFAULT_REFRESH_TOKEN = 'l9rt-test-refresh-token-0123456789';
export const DEFAULT_ORG = 'acme';

export class FakeLast9 extends LoopbackServer {
  readonly requests: ReceivedRequest[] = [];
  readonly events: ReceivedEvent[] = [];
  readonly issuedTokens: string[] = [];
  readonly faults: Fault[] = [];
  refreshTokens: Set<string>;
  orgs: Set<string>;
  tokenLifetimeSeconds: number;
  tokenOrg: string | null;
  /** Every answer waits this long, as over a real network (the benchmark's --latency, the overlap test). */
  latencyMs = 0;
  expiryField: 'expires_at' | 'expires_in';
  onEvent?: (event: ReceivedEvent) => void;

  private readonly tokenExpiry = new Map<string, number>();
  private readonly tokenOrgs = new Map<string, string | null>();
  private readonly defaultTokenOrg: string | null;

  constructor(options: FakeLast9Options = {}) {
    super();
    this.refreshTokens = new Set(options.refreshTokens ?? [DEFAULT_REFRESH_TOKEN]);
    this.orgs = new Set(options.orgs ?? [DEFAULT_ORG]);
    this.tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 86_400;
    this.defaultTokenOrg = options.tokenOrg === undefined ? ([...this.orgs][0] ?? null) : options.tokenOrg;
    this.tokenOrg = this.defaultTokenOrg;
    this.expiryField = options.expiryField ?? 'expires_at';
    this.onEvent = options.onEvent;
  }

  static async start(options: FakeLast9Options = {}): Promise<FakeLast9> {
    const fake = new FakeLast9(options);
    await fake.listen();
    return fake;
  }

  requestsTo(endpoint: Endpoint): ReceivedRequest[] {
    return this.requests.filter((request) => request.endpoint === endpoint);
  }

  /** Forgets what was received and injected, for the next test. */
  reset(): void {
    this.requests.length = 0;
    this.events.length = 0;
    this.faults.length = 0;
    this.issuedTokens.length = 0;
    this.latencyMs = 0;
    this.tokenOrg = this.defaultTokenOrg;
  }

  /** Makes every access token issued so far expire now, as if the job had run for a day. */
  expireIssuedTokens(): void {
    for (const token of this.tokenExpiry.keys()) this.tokenExpiry.set(token, 0);
  }

  protected override async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const path = request.url ?? '';
    const endpoint: Endpoint | 'unknown' = path === TOKEN_PATH ? 'token' : EVENT_PATH.test(path) ? 'event' : 'unknown';
    const record: ReceivedRequest = {
      endpoint,
      method: request.method ?? '',
      path,
      headers: request.headers,
      body,
      connection: this.connectionOf(request),
      receivedAtMs: Date.now(),
    };
    this.requests.push(record);
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const answer = (status: number, json: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      response.end(typeof json === 'string' ? json : JSON.stringify(json));
    };

    const fault = endpoint === 'unknown' ? undefined : this.takeFault(endpoint);
    if (fault === 'hang') {
      this.notify();
      return;
    }
    if (fault === 'reset') {
      request.socket.destroy();
      this.notify();
      return;
    }
    if (fault === 'malformed') answer(200, '{"access_token": "trunc');
    else if (fault) answer(fault.status, fault.body ?? JSON.stringify({ error: `injected ${fault.status}` }), fault.headers);
    else if (endpoint === 'token') this.exchange(request, body, answer);
    else if (endpoint === 'event') this.changeEvent(request, path, body, answer);
    else answer(404, { error: 'not found' });
    this.notify();
  }

  private exchange(request: IncomingMessage, body: string, answer: Answer): void {
    if (request.method !== 'POST') return answer(405, { error: 'method not allowed' });
    if (!isJson(request)) return answer(415, { error: 'Content-Type must be application/json' });
    const parsed = parseObject(body);
    if (!parsed || typeof parsed.refresh_token !== 'string') return answer(400, { error: 'refresh_token is required' });
    if (!this.refreshTokens.has(parsed.refresh_token)) return answer(401, { error: 'invalid refresh token' });
    const now = Math.floor(Date.now() / 1000);
    const expiresAt = now + this.tokenLifetimeSeconds;
    const token = this.tokenOrg === null ? `l9at-${randomBytes(24).toString('hex')}` : accessJwt({ organization_slug: this.tokenOrg, iat: now, exp: expiresAt, jti: randomBytes(12).toString('hex') });
    this.tokenOrgs.set(token, this.tokenOrg);
    this.tokenExpiry.set(token, expiresAt * 1000);
    this.issuedTokens.push(token);
    const expiry = this.expiryField === 'expires_at' ? { expires_at: expiresAt } : { expires_in: this.tokenLifetimeSeconds };
    answer(200, { access_token: token, issued_at: now, type: 'Bearer', scopes: ['write'], ...expiry });
  }

  private changeEvent(request: IncomingMessage, path: string, body: string, answer: Answer): void {
    if (request.method !== 'PUT') return answer(405, { error: 'method not allowed' });
    const header = request.headers['x-last9-api-token'];
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
    const expiry = token === undefined ? undefined : this.tokenExpiry.get(token);
    if (expiry === undefined || expiry <= Date.now()) return answer(401, { error: 'invalid or expired access token' });
    const org = decodeURIComponent(EVENT_PATH.exec(path)?.[1] ?? '');
    if (!this.orgs.has(org)) return answer(404, { error: `organization ${org} not found` });
    const tokenOrg = token === undefined ? undefined : this.tokenOrgs.get(token);
    if (tokenOrg && tokenOrg !== org) return answer(403, { error: `access token is not valid for organization ${org}` });
    if (!isJson(request)) return answer(415, { error: 'Content-Type must be application/json' });
    const event = parseObject(body);
    if (!event) return answer(400, { error: 'body must be a JSON object' });
    const problem = validateEvent(event);
    if (problem) return answer(422, { error: problem });
    const accepted: ReceivedEvent = { ...(event as unknown as Omit<ReceivedEvent, 'org' | 'receivedAtMs'>), org, receivedAtMs: Date.now() };
    this.events.push(accepted);
    this.onEvent?.(accepted);
    answer(200, { message: 'ok' });
  }

  private takeFault(endpoint: Endpoint): Fault['respond'] | undefined {
    const fault = this.faults.find((candidate) => candidate.on === endpoint);
    if (!fault) return undefined;
    if (fault.times !== undefined && --fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault.respond;
  }
}

/** A JWT as Last9 issues them; the signature is random bytes: nothing here or in the action checks it. */
function accessJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.${randomBytes(32).toString('base64url')}`;
}

type Answer = (status: number, json: unknown, headers?: Record<string, string>) => void;

/** What Last9 would refuse in a change event body; undefined if it is acceptable. */
export function validateEvent(event: Record<string, unknown>): string | undefined {
  if (typeof event.event_name !== 'string' || event.event_name === '') return 'event_name is required';
  if (event.event_state !== 'start' && event.event_state !== 'stop') return 'event_state must be start or stop';
  if (event.timestamp !== undefined && (typeof event.timestamp !== 'string' || Number.isNaN(Date.parse(event.timestamp)))) {
    return 'timestamp must be ISO 8601';
  }
  if (event.data_source_name !== undefined && typeof event.data_source_name !== 'string') return 'data_source_name must be a string';
  if (event.attributes === undefined) return undefined;
  if (event.attributes === null || typeof event.attributes !== 'object' || Array.isArray(event.attributes)) return 'attributes must be an object';
  for (const [key, value] of Object.entries(event.attributes)) {
    if (!LABEL_NAME.test(key) || key.startsWith('__')) return `attribute key ${JSON.stringify(key)} is not a valid label name`;
    if (typeof value !== 'string') return `attribute ${key} must be a string`;
  }
  return undefined;
}

/** An event as the Prometheus series Last9 turns it into. */
export function toSeries(event: ReceivedEvent): string {
  const labels = { event_name: event.event_name, event_state: event.event_state, ...event.attributes };
  const body = Object.entries(labels)
    .map(([key, value]) => `${key}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
    .join(', ');
  return `last9_change_events{${body}} 1 @${event.timestamp ?? new Date(event.receivedAtMs).toISOString()}`;
}

function isJson(request: IncomingMessage): boolean {
  return (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json');
}

function parseObject(body: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
