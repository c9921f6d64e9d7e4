// Sending the events of a deployment window and saying how it went (outputs, log, job summary).
// main-step.ts and post-step.ts decide which events a step sends.

import * as core from '@actions/core';
import type { Attributes } from './attributes.js';
import { changeEvent, startAttributes, stopAttributes } from './events.js';
import { readGithubContext } from './github-context.js';
import { changeEventsPath, type AccessToken, type ChangeEvent } from './last9-client.js';
import { Last9Session, type SessionOptions } from './last9-session.js';
import { OUTPUT } from './names.js';
import type { Settings } from './settings.js';
import type { Window } from './state.js';
import { exitPromptlyOnCancel, reportDelivery, reportWarnings } from './step.js';
import { writeWindowSummary, type SentEvent } from './summary.js';
import { log } from './log.js';

/** true: Last9 accepted it; false: it could not be delivered; 'dry-run': it was only printed. */
export type Outcome = SentEvent['delivered'];

type OutputKey = keyof typeof OUTPUT;
/** Last9's earlier action named three of our outputs differently; both names are set. */
const OUTPUT_ALIASES: Partial<Record<OutputKey, OutputKey>> = { startedAt: 'startTimestamp', stoppedAt: 'stopTimestamp', delivered: 'success' };

export function setOutputs(values: Partial<Record<OutputKey, string>>): void {
  for (const [key, value] of Object.entries(values) as Array<[OutputKey, string | undefined]>) {
    if (value === undefined) continue;
    core.setOutput(OUTPUT[key], value);
    const alias = OUTPUT_ALIASES[key];
    if (alias) core.setOutput(OUTPUT[alias], value);
  }
}

/** The attributes of a window opened by this step, from its context; what had to be dropped or cut is reported. */
export function windowAttributes(settings: Settings, deploymentId: string): Attributes {
  const { attributes, warnings } = startAttributes(settings, deploymentId, readGithubContext());
  reportWarnings(warnings);
  return attributes;
}

interface StopContext {
  cachedToken?: AccessToken;
  /** The start, when this step knows how it went (the post step of a window step). */
  start?: SentEvent;
}

/** Sends the stop of a window: the start's attributes plus the job's result and the duration. */
export async function sendStop(settings: Settings, window: Window & { attributes: Attributes }, context: StopContext = {}): Promise<void> {
  const stoppedAt = new Date();
  const durationMs = window.startedAt === undefined ? undefined : stoppedAt.getTime() - Date.parse(window.startedAt);
  const result = settings.jobStatus;
  const attributes = stopAttributes(window.attributes, result, durationMs);
  setOutputs({
    deploymentId: window.deploymentId,
    startedAt: window.startedAt,
    stoppedAt: stoppedAt.toISOString(),
    durationMs: durationMs === undefined ? undefined : String(durationMs),
    result: result ?? '',
  });
  exitPromptlyOnCancel('before Last9 confirmed the stop event; the marker may be missing its stop on Last9.');

  const outcome = await deliver(settings, changeEvent(settings, 'stop', stoppedAt, attributes), { cachedToken: context.cachedToken });
  setOutputs({ delivered: String(outcome === true) });
  if (outcome === true) {
    const duration = durationMs === undefined ? 'a point marker' : `${durationMs} ms`;
    log.info(`Last9: deployment window ${window.deploymentId} stopped (${result ?? 'result unknown'}, ${duration}).`);
  }
  const stop: SentEvent = { state: 'stop', at: stoppedAt.toISOString(), delivered: outcome };
  await writeWindowSummary({ settings, attributes, events: context.start ? [context.start, stop] : [stop] });
}

/** Sends one event, or with dry_run prints exactly what would be sent. */
export async function deliver(settings: Settings, event: ChangeEvent, options: SessionOptions): Promise<Outcome> {
  if (settings.dryRun) {
    const url = settings.apiBaseUrl + changeEventsPath(settings.orgSlug);
    log.info(`Last9 dry run: nothing is sent. The ${event.event_state} event would be PUT to ${url}:\n${JSON.stringify(event, null, 2)}`);
    return 'dry-run';
  }
  const session = new Last9Session(settings, options);
  try {
    const delivery = await session.deliver(event);
    reportDelivery(delivery, settings);
    return delivery.delivered;
  } finally {
    session.dispose();
  }
}
