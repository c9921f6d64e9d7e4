// The action's settings + the GitHub context → the change events of a window. Pure.

import {
  capturedAttributes,
  composeAttributes,
  correlationAttributes,
  githubAttributes,
  MAX_ATTRIBUTES,
  type Attributes,
  type ComposedAttributes,
} from './attributes.js';
import type { GithubContext } from './github-context.js';
import { quoteList } from '../text/quote.js';
import { secretsInEnvironment, withoutSecretValues } from '../text/redact.js';

/** A change event as Last9's API takes it (PUT …/change_events). */
export interface ChangeEvent {
  timestamp: string;
  event_name: string;
  event_state: 'start' | 'stop';
  data_source_name?: string;
  attributes: Attributes;
}

export type JobStatus = 'success' | 'failure' | 'cancelled';

/** What of the action's settings makes a window's events. */
export interface MarkerSettings {
  service: string;
  env: string;
  eventName: string;
  dataSourceName?: string;
  version?: string;
  customAttributes: Record<string, string>;
  /** Names of environment variables to send as env_<name>. */
  captureEnv: string[];
  /** Names of workflow_dispatch inputs to send as build_param_<name>. */
  captureInputs: string[];
  includeGithubAttributes: boolean;
  jobCheckRunId?: string;
  matrix: Record<string, unknown>;
  /** Never sent: an attribute holding it is dropped. */
  refreshToken: string;
  /** The commit deployed, when the workflow names one (commit_sha); else the event's. */
  commitSha?: string;
  /** The repository the deployed code is in (owner/name), when not the workflow's own. */
  repository?: string;
}

/** The attributes only a stop carries; the start leaves room for them. */
const STOP_ONLY_KEYS = ['result', 'duration_ms'] as const;

/** `shipped`: what shipped with the deploy (shipped.ts), part of the GitHub context. */
export function startAttributes(settings: MarkerSettings, deploymentId: string, context: GithubContext, shipped: Attributes = {}): ComposedAttributes {
  const github = settings.includeGithubAttributes
    ? { ...githubAttributes(context.env, context.event, { jobCheckRunId: settings.jobCheckRunId, matrix: settings.matrix, named: settings }), ...shipped }
    : {};
  const correlation = correlationAttributes({ service: settings.service, env: settings.env, deploymentId, version: settings.version });
  const captured = capturedAttributes(context.env, context.event.inputs, settings.captureEnv, settings.captureInputs);
  const user = { ...captured, ...settings.customAttributes };
  const composed = composeAttributes({ github, user, correlation }, MAX_ATTRIBUTES - STOP_ONLY_KEYS.length);
  // A label is readable by anyone who can query the organization's metrics: never a token.
  const { attributes, dropped } = withoutSecretValues(composed.attributes, [settings.refreshToken, ...secretsInEnvironment(context.env)]);
  if (dropped.length > 0) composed.warnings.push(`attributes ${quoteList(dropped)} were dropped: their values hold a secret (a token)`);
  return { attributes, warnings: composed.warnings };
}

/** The start's attributes plus the outcome, so the stop pairs with its start on every label. */
export function stopAttributes(start: Attributes, result: JobStatus | undefined, durationMs: number | undefined): Attributes {
  return {
    ...start,
    ...(result ? { result } : {}),
    ...(durationMs === undefined ? {} : { duration_ms: String(Math.max(0, Math.round(durationMs))) }),
  };
}

export function changeEvent(settings: Pick<MarkerSettings, 'eventName' | 'dataSourceName'>, state: ChangeEvent['event_state'], at: Date, attributes: Attributes): ChangeEvent {
  return {
    timestamp: at.toISOString(),
    event_name: settings.eventName,
    event_state: state,
    ...(settings.dataSourceName ? { data_source_name: settings.dataSourceName } : {}),
    attributes,
  };
}
