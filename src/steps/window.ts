// Sending the events of a deployment window and saying how it went (outputs, log, job summary).
// main-step.ts and post-step.ts decide which events a step sends.

import type { Attributes } from '../marker/attributes.js';
import { changeEvent, stopAttributes, type ChangeEvent } from '../marker/events.js';
import { changeEventsPath } from '../last9/client.js';
import { Last9Session, type SessionOptions } from '../last9/session.js';
import { log } from '../runner/log.js';
import type { Settings } from '../runner/settings.js';
import { exitPromptlyOnCancel, reportFailure } from '../runner/guard.js';
import type { StepState, Window } from '../runner/state.js';
import { windowSummary, type SentEvent } from '../runner/summary.js';

/** true: Last9 accepted it; false: it could not be delivered; 'dry-run': it was only printed. */
export type Outcome = SentEvent['delivered'];

/** A session with Last9 whose token exchange starts now; none in a dry run. */
export function openSession(settings: Settings, options: Pick<SessionOptions, 'cachedToken' | 'onNewToken'>, forEvent: ChangeEvent['event_state']): Last9Session | undefined {
  if (settings.dryRun) return undefined;
  const session = new Last9Session(settings, { ...options, mask: log.mask, info: log.info });
  session.prepare(forEvent);
  return session;
}

interface StopContext {
  session?: Last9Session;
  /** The start, when this step knows how it went (the post step of a window step). */
  start?: SentEvent;
}

/** Sends the stop of a window: the start's attributes plus the job's result and the duration. */
export async function sendStop(settings: Settings, state: StepState, window: Window & { attributes: Attributes }, context: StopContext = {}): Promise<void> {
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
  exitPromptlyOnCancel('before Last9 confirmed the stop event; the marker may be missing its stop on Last9.');

  state.setShippedOutputs(attributes);
  const outcome = await deliver(settings, changeEvent(settings, 'stop', stoppedAt, attributes), context.session);
  state.setOutputs({ delivered: String(outcome === true) });
  if (outcome === true) {
    const duration = durationMs === undefined ? 'a point marker' : `${durationMs} ms`;
    log.info(`Last9: deployment window ${window.deploymentId} stopped (${result ?? 'result unknown'}, ${duration}).`);
  }
  const stop: SentEvent = { state: 'stop', at: stoppedAt.toISOString(), delivered: outcome };
  state.writeSummary(windowSummary({ settings, attributes, events: context.start ? [context.start, stop] : [stop] }));
}

/** Sends one event over the session, or without one (a dry run) prints exactly what would be sent. */
export async function deliver(settings: Settings, event: ChangeEvent, session: Last9Session | undefined): Promise<Outcome> {
  if (!session) {
    const url = settings.apiBaseUrl + changeEventsPath(settings.orgSlug);
    log.info(`Last9 dry run: nothing is sent. The ${event.event_state} event would be PUT to ${url}:\n${JSON.stringify(event, null, 2)}`);
    return 'dry-run';
  }
  const delivery = await session.deliver(event);
  if (!delivery.delivered) reportFailure(delivery.message, settings.failOnError);
  return delivery.delivered;
}
