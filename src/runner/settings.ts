// Turns the action's inputs into a typed Settings object, or a list of problems that each name
// the input at fault. Pure: it reads inputs through the function it is given.

import { MAX_VALUE_LENGTH } from '../marker/attributes.js';
import type { JobStatus, MarkerSettings } from '../marker/events.js';
import { REPOSITORY_NAME } from '../marker/github-context.js';
import { isOrgSlug } from '../last9/client.js';
import type { Last9Account } from '../last9/session.js';
import { CONTROL_CHARACTER } from '../text/lines.js';
import { MAX_LISTED, quote, quoteList } from '../text/quote.js';
import { INPUT, type InputName } from './names.js';
import { SECRET_VARIABLES } from '../text/redact.js';
import { COMMIT_SHA } from '../text/shape.js';
import { isLoopbackHost, withoutUserInfo } from '../text/url.js';

/**
 * `window`: start now, stop from the post step. `start`, `stop`: one each. `both`: a start and
 * its stop from this one step, as Last9's earlier action sends them.
 */
export type EventState = 'window' | 'start' | 'stop' | 'both';

/** The action's inputs, read: what makes the events (MarkerSettings) and how the step sends them. */
export interface Settings extends MarkerSettings, Last9Account {
  /** Every service of the step (service: api, worker): a window each. `service` is the first. */
  services: string[];
  eventState: EventState;
  /** Given to close (or open) a window whose id is known, e.g. one opened in an earlier job. */
  deploymentId?: string;
  /** The start of a window opened elsewhere, for the stop's duration_ms. */
  startedAt?: Date;
  /** Look up what shipped (pull request, previous deployment, commits since) on GitHub. */
  linkChanges: boolean;
  /** For GitHub's API; empty when the workflow passes none. */
  githubToken: string;
  /** The GitHub environment whose deployments bound what shipped. */
  githubEnvironment: string;
  dryRun: boolean;
  failOnError: boolean;
  /**
   * The stop's result: the `result` input, else `job_status` (the job's status as the runner
   * evaluated `job.status` for this step); undefined if unknown.
   */
  jobStatus?: JobStatus;
  /** True when the workflow gave `result`: a stop in a later job then knows the window's result. */
  resultGiven: boolean;
}

/** An input problem as the step reports it: an error annotation naming the input. */
export function describeInputProblem(problem: InputProblem): string {
  return `Input "${problem.input}" ${problem.message}. No marker was sent.`;
}

export interface InputProblem {
  input: InputName;
  message: string;
}

export type ReadInput = (name: string) => string;

export interface SettingsResult {
  settings?: Settings;
  /** Read on its own, so that a bad input elsewhere still honours it. */
  failOnError: boolean;
  problems: InputProblem[];
  /** Not worth refusing the event for, but the user should know. */
  warnings: string[];
  /** What the action made of an input, said once. */
  notices: string[];
}

const EVENT_STATES = ['window', 'start', 'stop', 'both'] as const;
const DEPLOYMENT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const INPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const JOB_STATUSES: readonly JobStatus[] = ['success', 'failure', 'cancelled'];
/** One step opens at most this many windows (service: a, b, …). */
export const MAX_SERVICES = 20;
const DEFAULT_API_BASE_URL = 'https://app.last9.io';

/** A window cannot have started earlier than a workflow run can last (35 days). */
export const MAX_STARTED_AT_AGE_MS = 35 * 24 * 3_600_000;
/** Runners' clocks may disagree a little; a later started_at is a mistake. */
export const MAX_STARTED_AT_SKEW_MS = 60_000;
/** An all-digit started_at below this is epoch seconds (it would be March 1973 in milliseconds). */
export const EPOCH_SECONDS_BELOW = 100_000_000_000;

export function readSettings(readInput: ReadInput, env: Record<string, string | undefined>, nowMs: number = Date.now()): SettingsResult {
  const problems: InputProblem[] = [];
  const warnings: string[] = [];
  const notices: string[] = [];
  const input = (name: InputName): string => readInput(name).trim();
  const problem = (name: InputName, message: string): undefined => {
    problems.push({ input: name, message });
    return undefined;
  };

  const failOnError = parseBoolean(INPUT.failOnError, input(INPUT.failOnError), false, problem) ?? false;

  const required = (name: InputName): string => input(name) || (problem(name, 'is required but was empty') ?? '');
  const refreshToken = required(INPUT.refreshToken);
  const orgSlug = parseOrgSlug(input(INPUT.orgSlug), problem);
  const deploymentEnv = parseLabelValue(INPUT.env, required(INPUT.env), problem);
  const services = parseServices(input(INPUT.service), input(INPUT.serviceName), env, problem, notices);
  const eventName = parseLabelValue(INPUT.eventName, input(INPUT.eventName) || 'deployment', problem);
  const eventState = parseChoice(INPUT.eventState, input(INPUT.eventState) || 'window', EVENT_STATES, problem);
  const commitSha = parseChecked(INPUT.commitSha, input(INPUT.commitSha).toLowerCase(), COMMIT_SHA, 'must be a full commit SHA: 40 hexadecimal digits (git rev-parse HEAD)', problem);
  const repository = parseChecked(INPUT.repository, input(INPUT.repository), REPOSITORY_NAME, 'must be owner/name, the repository the deployed code is in', problem);
  const apiBaseUrl = parseApiBaseUrl(input(INPUT.apiBaseUrl) || DEFAULT_API_BASE_URL, problem);
  const deploymentId = parseDeploymentId(input(INPUT.deploymentId), problem);
  const startedAt = parseStartedAt(input(INPUT.startedAt), nowMs, problem);
  const customAttributes = parseCustomAttributes(input(INPUT.customAttributes), problem, warnings);
  const captureEnvNames = parseNames(INPUT.captureEnv, input(INPUT.captureEnv), ENV_NAME, problem);
  const captureEnv = captureEnvNames && withoutSecretVariables(captureEnvNames, warnings);
  const captureInputs = parseNames(INPUT.captureInputs, input(INPUT.captureInputs), INPUT_NAME, problem);
  const dryRun = parseBoolean(INPUT.dryRun, input(INPUT.dryRun), false, problem);
  const includeGithubAttributes = parseBoolean(INPUT.includeGithubAttributes, input(INPUT.includeGithubAttributes), true, problem);
  const linkChanges = parseBoolean(INPUT.linkChanges, input(INPUT.linkChanges), true, problem);
  const timeoutSeconds = parseNumber(INPUT.timeoutSeconds, input(INPUT.timeoutSeconds), { fallback: 30, min: 1, max: 3600 }, problem);
  const maxRetries = parseNumber(INPUT.maxRetryAttempts, input(INPUT.maxRetryAttempts), { fallback: 3, min: 0, max: 20, integer: true }, problem);
  const baseDelayMs = parseNumber(INPUT.retryBackoffMs, input(INPUT.retryBackoffMs), { fallback: 1000, min: 0, max: 600_000, integer: true }, problem);
  const maxDelayMs = parseNumber(INPUT.maxRetryBackoffMs, input(INPUT.maxRetryBackoffMs), { fallback: 30_000, min: 0, max: 600_000, integer: true }, problem);
  if (baseDelayMs !== undefined && maxDelayMs !== undefined && maxDelayMs < baseDelayMs) {
    problem(INPUT.maxRetryBackoffMs, `must be at least retry_backoff_ms (${baseDelayMs}), got ${maxDelayMs}`);
  }

  if (startedAt && eventState !== 'stop') warnings.push(`started_at is only used with event_state: stop; ignored for event_state: ${eventState}`);
  else if (startedAt && !deploymentId) warnings.push('started_at is only used together with deployment_id (the window it started); ignored');

  const resultGiven = input(INPUT.result) !== '';
  const jobStatus = parseJobStatus(resultGiven ? INPUT.result : INPUT.jobStatus, input(resultGiven ? INPUT.result : INPUT.jobStatus), warnings);
  const jobCheckRunId = parseJobCheckRunId(input(INPUT.jobCheckRunId), warnings);
  const matrix = parseMatrix(input(INPUT.matrix), warnings);

  if (
    problems.length > 0 ||
    deploymentEnv === undefined ||
    services === undefined ||
    eventName === undefined ||
    eventState === undefined ||
    apiBaseUrl === undefined ||
    customAttributes === undefined ||
    captureEnv === undefined ||
    captureInputs === undefined ||
    dryRun === undefined ||
    includeGithubAttributes === undefined ||
    linkChanges === undefined ||
    timeoutSeconds === undefined ||
    maxRetries === undefined ||
    baseDelayMs === undefined ||
    maxDelayMs === undefined
  ) {
    return { failOnError, problems, warnings, notices };
  }

  return {
    failOnError,
    problems,
    warnings,
    notices,
    settings: {
      refreshToken,
      orgSlug,
      env: deploymentEnv,
      service: services[0] as string,
      services,
      eventName,
      eventState,
      deploymentId,
      startedAt: eventState === 'stop' && deploymentId ? startedAt : undefined,
      dataSourceName: input(INPUT.dataSourceName) || undefined,
      apiBaseUrl,
      // The tag names GITHUB_SHA: not another commit the workflow says it deploys.
      version: input(INPUT.version) || (env.GITHUB_REF_TYPE === 'tag' && (!commitSha || commitSha === env.GITHUB_SHA) ? env.GITHUB_REF_NAME : undefined) || undefined,
      customAttributes,
      captureEnv,
      captureInputs,
      includeGithubAttributes,
      linkChanges,
      githubToken: input(INPUT.githubToken),
      githubEnvironment: input(INPUT.githubEnvironment) || deploymentEnv,
      dryRun,
      failOnError,
      timeoutMs: Math.round(timeoutSeconds * 1000),
      retry: { maxRetries, baseDelayMs, maxDelayMs },
      jobStatus,
      resultGiven,
      jobCheckRunId,
      matrix,
      commitSha,
      repository,
    },
  };
}

type Problem = (input: InputName, message: string) => undefined;

function parseBoolean(name: InputName, raw: string, fallback: boolean, problem: Problem): boolean | undefined {
  if (raw === '') return fallback;
  const value = raw.toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  return problem(name, `must be true or false, got ${quote(raw)}`);
}

function parseChoice<T extends string>(name: InputName, raw: string, choices: readonly T[], problem: Problem): T | undefined {
  const value = raw.toLowerCase() as T;
  if (choices.includes(value)) return value;
  return problem(name, `must be one of ${choices.join(', ')}; got ${quote(raw)}`);
}

interface NumberBounds {
  fallback: number;
  min: number;
  max: number;
  integer?: boolean;
}

function parseNumber(name: InputName, raw: string, bounds: NumberBounds, problem: Problem): number | undefined {
  if (raw === '') return bounds.fallback;
  const value = Number(raw);
  const kind = bounds.integer ? 'a whole number' : 'a number';
  if (!/^[0-9.]+$/.test(raw) || !Number.isFinite(value) || (bounds.integer && !Number.isInteger(value))) {
    return problem(name, `must be ${kind} from ${bounds.min} to ${bounds.max}, got ${quote(raw)}`);
  }
  if (value < bounds.min || value > bounds.max) {
    return problem(name, `must be ${kind} from ${bounds.min} to ${bounds.max}, got ${raw}`);
  }
  return value;
}

function parseOrgSlug(raw: string, problem: Problem): string | undefined {
  if (raw === '') return undefined;
  if (!isOrgSlug(raw)) {
    return problem(INPUT.orgSlug, 'must be your Last9 organization slug: letters, digits, "-", "_" or "." only (no "/", "..", or spaces)');
  }
  return raw;
}

/** One service, or several separated by commas or new lines (`service: api, worker`): a window each. */
function parseServices(service: string, serviceName: string, env: Record<string, string | undefined>, problem: Problem, notices: string[]): string[] | undefined {
  if (service && serviceName && service !== serviceName) {
    return problem(INPUT.service, `and service_name disagree (${quote(service)} vs ${quote(serviceName)}); set only one of them`);
  }
  const name = serviceName && !service ? INPUT.serviceName : INPUT.service;
  const given = service || serviceName;
  const listed = given ? [...new Set(given.split(/\s*(?:,|\r?\n)\s*/).filter(Boolean))] : [env.GITHUB_REPOSITORY?.split('/')[1] ?? ''].filter(Boolean);
  if (listed.length === 0) return problem(INPUT.service, 'is empty and GITHUB_REPOSITORY is not set to default it from');
  if (listed.length > MAX_SERVICES) return problem(name, `lists ${listed.length} services; one step marks at most ${MAX_SERVICES}`);
  const spaced = listed.filter((candidate) => /\s/.test(candidate));
  if (spaced.length > 0) notices.push(`${name} ${quoteList(spaced)} is kept as one service name with a space in it; several services are separated by commas or new lines`);
  const checked = listed.map((candidate) => parseLabelValue(name, candidate, problem));
  return checked.every((candidate): candidate is string => candidate !== undefined) ? checked : undefined;
}

function parseApiBaseUrl(raw: string, problem: Problem): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return problem(INPUT.apiBaseUrl, `is not a URL: ${quote(withoutUserInfo(raw))}`);
  }
  if (url.username || url.password) {
    return problem(INPUT.apiBaseUrl, 'must not contain credentials; pass the token through refresh_token');
  }
  if (url.search || url.hash) {
    return problem(INPUT.apiBaseUrl, 'must not contain a query or fragment');
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return problem(INPUT.apiBaseUrl, `must use https (plain http is only allowed for a loopback host), got "${url.origin}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return problem(INPUT.apiBaseUrl, `must be an https URL, got "${url.protocol}"`);
  }
  return url.href.replace(/\/+$/, '');
}

/** A deployment id as the deployment_id input accepts it (a generated UUID is one too). */
export function isDeploymentId(value: unknown): value is string {
  return typeof value === 'string' && DEPLOYMENT_ID.test(value);
}

function parseDeploymentId(raw: string, problem: Problem): string | undefined {
  return parseChecked(INPUT.deploymentId, raw, DEPLOYMENT_ID, 'must be 1 to 128 letters, digits, ".", "_", ":" or "-" (pass the deployment_id output of the start step)', problem);
}

/**
 * ISO 8601 with a time zone, epoch seconds (`date +%s`) or epoch milliseconds (`Date.now()`): an
 * all-digit value below EPOCH_SECONDS_BELOW is seconds. It must lie within the life of a workflow run.
 */
export function parseStartedAt(raw: string, nowMs: number, problem: Problem): Date | undefined {
  if (raw === '') return undefined;
  const epoch = /^\d{1,16}$/.test(raw) ? Number(raw) : undefined;
  const epochMs = epoch === undefined ? undefined : epoch < EPOCH_SECONDS_BELOW ? epoch * 1000 : epoch;
  const isoMs = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(raw) ? Date.parse(raw) : undefined;
  const ms = epochMs ?? isoMs;
  if (ms === undefined || Number.isNaN(ms)) {
    return problem(INPUT.startedAt, `must be an ISO 8601 time with a zone (2026-01-15T17:57:22Z), epoch seconds or epoch milliseconds, got ${quote(raw)}`);
  }
  const shown = new Date(ms).toISOString();
  if (ms > nowMs + MAX_STARTED_AT_SKEW_MS) return problem(INPUT.startedAt, `is in the future (${shown}); pass the started_at output of the start step`);
  if (ms < nowMs - MAX_STARTED_AT_AGE_MS) {
    return problem(INPUT.startedAt, `is ${shown}, more than 35 days ago (longer than a workflow run can last); pass the started_at output of the start step`);
  }
  return new Date(ms);
}

/** Names separated by commas, spaces or new lines. */
function parseNames(name: InputName, raw: string, pattern: RegExp, problem: Problem): string[] | undefined {
  const names = raw.split(/[\s,]+/).filter(Boolean);
  const bad = names.filter((candidate) => !pattern.test(candidate));
  if (bad.length > 0) return problem(name, `has names that are not valid: ${quoteList(bad)}`);
  return [...new Set(names)];
}

/**
 * The variables capture_env never reads: those whose values are secrets (redact.ts), the inputs of
 * this or any action (the refresh token among them) and the runner's runtime. Windows treats
 * variable names without regard to case.
 */
const NEVER_CAPTURED = [...SECRET_VARIABLES, /^INPUT_/i, /^ACTIONS_RUNTIME_/i];

function withoutSecretVariables(names: string[], warnings: string[]): string[] {
  const refused = names.filter((name) => NEVER_CAPTURED.some((pattern) => pattern.test(name)));
  if (refused.length > 0) {
    warnings.push(`capture_env never reads ${quoteList(refused)}: the action's inputs and the runner's tokens are secrets, not labels`);
  }
  return names.filter((name) => !refused.includes(name));
}

/** What becomes a label value and is printed: one line, no control characters, bounded like every value. */
function parseLabelValue(name: InputName, raw: string, problem: Problem): string | undefined {
  if (CONTROL_CHARACTER.test(raw)) return problem(name, 'must be one line, without control characters');
  if ([...raw].length > MAX_VALUE_LENGTH) return problem(name, `must be at most ${MAX_VALUE_LENGTH} characters, got ${[...raw].length}`);
  return raw;
}

function parseCustomAttributes(raw: string, problem: Problem, warnings: string[]): Record<string, string> | undefined {
  if (raw === '') return {};
  return raw.startsWith('{') ? parseJsonAttributes(raw, problem) : parseKeyValueLines(raw, warnings);
}

function parseJsonAttributes(raw: string, problem: Problem): Record<string, string> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    return problem(INPUT.customAttributes, `is not valid JSON (${(error as Error).message})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return problem(INPUT.customAttributes, 'must be a JSON object of key/value pairs');
  }
  // Built from entries: a key such as "__proto__" stays a key (and is refused, with a warning, later).
  const attributes: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (value === null) continue;
    if (typeof value === 'object') {
      return problem(INPUT.customAttributes, `value of ${quote(key)} must be a string, number or boolean, not ${Array.isArray(value) ? 'an array' : 'an object'}`);
    }
    attributes.push([key, String(value)]);
  }
  return Object.fromEntries(attributes);
}

/**
 * One attribute a line, `key=value` or `key:value` (as Datadog's --tags and Grafana's annotation
 * tags are written): the first `=` or `:` ends the key. A line that is neither is dropped, named
 * in a warning; the others are sent.
 */
function parseKeyValueLines(raw: string, warnings: string[]): Record<string, string> {
  const attributes: Array<[string, string]> = [];
  const unreadable: string[] = [];
  for (const [index, line] of raw.split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const separator = line.search(/[=:]/);
    const key = line.slice(0, separator).trim();
    if (separator < 0 || key === '') unreadable.push(`line ${index + 1} (${quote(line.trim())})`);
    else attributes.push([key, line.slice(separator + 1).trim()]);
  }
  if (unreadable.length > 0) warnings.push(`custom_attributes ${unreadable.slice(0, MAX_LISTED).join(', ')} ${unreadable.length === 1 ? 'is' : 'are'} not key=value or key:value, and dropped`);
  return Object.fromEntries(attributes);
}

function parseJobStatus(name: InputName, raw: string, warnings: string[]): JobStatus | undefined {
  const value = raw.toLowerCase();
  if (JOB_STATUSES.includes(value as JobStatus)) return value as JobStatus;
  if (raw === '') return undefined;
  warnings.push(
    name === INPUT.result
      ? `result ${quote(raw)} is not success, failure or cancelled; the stop is sent without a result`
      : `job_status ${quote(raw)} is not success, failure or cancelled; leave job_status unset so the runner fills it in`,
  );
  return undefined;
}

/** An optional input that must match `pattern`. */
function parseChecked(name: InputName, raw: string, pattern: RegExp, message: string, problem: Problem): string | undefined {
  if (raw === '' || pattern.test(raw)) return raw || undefined;
  return problem(name, message);
}

function parseJobCheckRunId(raw: string, warnings: string[]): string | undefined {
  if (/^\d+$/.test(raw)) return raw;
  if (raw !== '') warnings.push(`job_check_run_id "${raw}" is not a number; leave it unset so the runner fills it in`);
  return undefined;
}

function parseMatrix(raw: string, warnings: string[]): Record<string, unknown> {
  if (raw === '' || raw === 'null') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  warnings.push('matrix is not a JSON object; leave it unset so the runner fills it in with toJSON(matrix)');
  return {};
}
