// Sending the events of a deployment window and saying how it went (outputs, log, job summary).
// main-step.ts and post-step.ts decide which events a step sends.

import type { Attributes } from './attributes.js';
import { changeEvent, stopAttributes } from './events.js';
import { changeEventsPath, type ChangeEvent } from './last9-client.js';
import { Last9Session, type SessionOptions } from './last9-session.js';
import { log } from './log.js';
import { OUTPUT } from './names.js';
import type { Settings } from './settings.js';
import { STEP_FILES, type Window } from './state.js';
import { exitPromptlyOnCancel, reportDelivery } from './step.js';
import { writeWindowSummary, type SentEvent } from './summary.js';

/** true: Last9 accepted it; false: it could not be delivered; 'dry-run': it was only printed. */
export type Outcome = SentEvent['delivered'];

type OutputKey = keyof typeof OUTPUT;
/** Last9's earlier action named three of our outputs differently; both names are set. */
const OUTPUT_ALIASES: Partial<Record<OutputKey, OutputKey>> = { startedAt: 'startTimestamp', stoppedAt: 'stopTimestamp', delivered: 'success' };

export function setOutputs(values: Partial<Record<OutputKey, string>>): void {
  for (const [key, value] of Object.entries(values) as Array<[OutputKey, string | undefined]>) {
    if (value === undefined) continue;
    STEP_FILES.setOutput(OUTPUT[key], value);
    const alias = OUTPUT_ALIASES[key];
    if (alias) STEP_FILES.setOutput(OUTPUT[alias], value);
  }
}

/** What shipped, as outputs (for a Slack message or a release note), from a window's attributes. */
export function setShippedOutputs(attributes: Attributes): void {
  setOutputs({
    previousCommitSha: attributes.previous_commit_sha,
    compareUrl: attributes.compare_url,
    commitCount: attributes.commit_count,
    leadTimeS: attributes.lead_time_s,
    prNumber: attributes.github_pr_number,
  });
}

/** A session with Last9 whose token exchange starts now; none in a dry run. */
export function openSession(settings: Settings, options: SessionOptions, forEvent: ChangeEvent['event_state']): Last9Session | undefined {
  if (settings.dryRun) return undefined;
  const session = new Last9Session(settings, options);
  session.prepare(forEvent);
  return session;
}

interface StopContext {
  session?: Last9Session;
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

  setShippedOutputs(attributes);
  const outcome = await deliver(settings, changeEvent(settings, 'stop', stoppedAt, attributes), context.session);
  setOutputs({ delivered: String(outcome === true) });
  if (outcome === true) {
    const duration = durationMs === undefined ? 'a point marker' : `${durationMs} ms`;
    log.info(`Last9: deployment window ${window.deploymentId} stopped (${result ?? 'result unknown'}, ${duration}).`);
  }
  const stop: SentEvent = { state: 'stop', at: stoppedAt.toISOString(), delivered: outcome };
  await writeWindowSummary({ settings, attributes, events: context.start ? [context.start, stop] : [stop] });
}

/** Sends one event over the session, or without one (a dry run) prints exactly what would be sent. */
export async function deliver(settings: Settings, event: ChangeEvent, session: Last9Session | undefined): Promise<Outcome> {
  if (!session) {
    const url = settings.apiBaseUrl + changeEventsPath(settings.orgSlug);
    log.info(`Last9 dry run: nothing is sent. The ${event.event_state} event would be PUT to ${url}:\n${JSON.stringify(event, null, 2)}`);
    return 'dry-run';
  }
  const delivery = await session.deliver(event);
  reportDelivery(delivery, settings);
  return delivery.delivered;
}
