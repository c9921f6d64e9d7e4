// Sending the events of a deployment window and saying how it went (outputs, log, job summary).
// main-step.ts and post-step.ts decide which events a step sends.

import type { Attributes } from '../marker/attributes.js';
import { changeEvent, stopAttributes, type ChangeEvent } from '../marker/events.js';
import { changeEventsPath } from '../last9/client.js';
import { Last9Session, type SessionOptions } from '../last9/session.js';
import { log } from '../runner/log.js';
import type { Settings } from '../runner/settings.js';
import { exitPromptlyOnCancel, reportFailure } from '../runner/guard.js';
import { reportInputProblem } from '../runner/inputs.js';
import type { StepState, Window } from '../runner/state.js';
import { windowSummary, type SentEvent } from '../runner/summary.js';

/** true: Last9 accepted it; false: it could not be delivered; 'dry-run': it was only printed. */
export type Outcome = SentEvent['delivered'];

/**
 * A session with Last9 whose token exchange starts now; none in a dry run. What it warns of is
 * added to `shown`, and not said again when `shown` has it (the main step said it already).
 */
export function openSession(
  settings: Settings,
  options: Pick<SessionOptions, 'cachedToken' | 'onNewToken'> & { shown?: string[] },
  forEvent: ChangeEvent['event_state'],
): Last9Session | undefined {
  if (settings.dryRun) return undefined;
  const warn = (text: string): void => {
    const warning = `Last9: ${text}`;
    if (options.shown?.includes(warning)) return;
    log.warning(warning);
    options.shown?.push(warning);
  };
  const session = new Last9Session(settings, { ...options, mask: log.mask, info: log.info, warn });
  session.prepare(forEvent);
  return session;
}

/** A window to stop: one of a service, and its start when this step knows how that went. */
export interface Stop {
  service: string;
  window: Window & { attributes: Attributes };
  /** The start, when this step knows how it went (the post step of a window step, a `both` step). */
  start?: SentEvent;
}

/**
 * Sends the stop of each window: the start's attributes plus the result and the duration. The
 * outputs are the window's; of several windows, deployment_ids says each one's id and delivered
 * is true only if Last9 got every stop.
 */
export async function sendStops(settings: Settings, state: StepState, stops: readonly Stop[], session: Last9Session | undefined): Promise<void> {
  exitPromptlyOnCancel('before Last9 confirmed the stop event; the marker may be missing its stop on Last9.');
  const outcomes: Outcome[] = [];
  for (const stop of stops) outcomes.push(await sendStop({ ...settings, service: stop.service }, state, stop, session));
  state.setOutputs({ delivered: String(outcomes.every((outcome) => outcome === true)), ...windowIds(stops.map(({ service, window }) => ({ service, deploymentId: window.deploymentId }))) });
}

/** The deployment_id output of one window (empty for several: it would be one service's), and deployment_ids: each service's. */
export function windowIds(windows: ReadonlyArray<{ service: string; deploymentId: string }>): { deploymentId: string; deploymentIds: string } {
  return {
    deploymentId: windows.length === 1 ? (windows[0]?.deploymentId ?? '') : '',
    deploymentIds: JSON.stringify(Object.fromEntries(windows.map(({ service, deploymentId }) => [service, deploymentId]))),
  };
}

async function sendStop(settings: Settings, state: StepState, { window, start }: Stop, session: Last9Session | undefined): Promise<Outcome> {
  const stoppedAt = new Date();
  const durationMs = window.startedAt === undefined ? undefined : stoppedAt.getTime() - Date.parse(window.startedAt);
  const result = settings.jobStatus;
  const attributes = stopAttributes(window.attributes, result, durationMs);
  state.setOutputs({
    deploymentId: window.deploymentId,
    startedAt: window.startedAt,
    stoppedAt: stoppedAt.toISOString(),
    durationMs: durationMs === undefined ? undefined : String(durationMs),
    result: result ?? '',
  });

  state.setShippedOutputs(attributes);
  const outcome = await deliver(settings, changeEvent(settings, 'stop', stoppedAt, attributes), session);
  if (outcome === true) {
    const duration = durationMs === undefined ? 'a point marker' : `${durationMs} ms`;
    log.info(`Last9: deployment window ${window.deploymentId} of ${settings.service} stopped (${result ?? 'result unknown'}, ${duration}).`);
  }
  const stop: SentEvent = { state: 'stop', at: stoppedAt.toISOString(), delivered: outcome };
  state.writeSummary(windowSummary({ settings, attributes, events: start ? [start, stop] : [stop] }));
  return outcome;
}

/** Sends one event over the session, or without one (a dry run) prints exactly what would be sent. */
export async function deliver(settings: Settings, event: ChangeEvent, session: Last9Session | undefined): Promise<Outcome> {
  if (!session) {
    const url = settings.apiBaseUrl + changeEventsPath(settings.orgSlug ?? '{the organization of the access token}');
    log.info(`Last9 dry run: nothing is sent. The ${event.event_state} event would be PUT to ${url}:\n${JSON.stringify(event, null, 2)}`);
    return 'dry-run';
  }
  const delivery = await session.deliver(event);
  if (!delivery.delivered && delivery.input) reportInputProblem(delivery.message, settings.failOnError);
  else if (!delivery.delivered) reportFailure(delivery.message, settings.failOnError);
  return delivery.delivered;
}
