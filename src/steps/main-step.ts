// The main step: opens a window (event_state window, both or start) or sends an explicit stop.
// Only this step looks up what shipped (the post step repeats its start's attributes), so only
// it loads @actions/github (dist/github-api.js).

import { randomUUID } from 'node:crypto';
import type { Attributes } from '../marker/attributes.js';
import { changeEvent, startAttributes } from '../marker/events.js';
import { readGithubContext } from '../runner/event-file.js';
import { lookUpShipped } from '../github/lookups.js';
import type { AccessToken } from '../last9/client.js';
import { log } from '../runner/log.js';
import type { Settings } from '../runner/settings.js';
import { describeMissing, shippedAttributes } from '../marker/shipped.js';
import { runnerFiles, StepState, type Window } from '../runner/state.js';
import { exitPromptlyOnCancel, guard, reportWarnings } from '../runner/guard.js';
import { maskTokens, readStepSettings } from '../runner/inputs.js';
import { deliver, openSession, sendStop } from './window.js';

export async function run(): Promise<void> {
  maskTokens();
  await guard(async () => {
    const state = new StepState(runnerFiles());
    state.clearPostState();
    const { settings, shown } = readStepSettings();
    if (!settings) return;
    await (settings.eventState === 'stop' ? stopWindow(settings, state) : openWindow(settings, state, shown));
  });
}

/**
 * Sends the start. A `window` step also leaves its post step what it needs to send the stop. The
 * token exchange starts first, so that it overlaps the lookups of what shipped.
 */
async function openWindow(settings: Settings, state: StepState, warningsShown: string[]): Promise<void> {
  const startedAt = new Date();
  const closedByPostStep = settings.eventState === 'window';
  const onNewToken = closedByPostStep ? (token: AccessToken) => state.accessTokenReceived(token) : undefined;
  const session = openSession(settings, { onNewToken }, 'start');
  try {
    const deploymentId = settings.deploymentId ?? randomUUID();
    const attributes = await windowAttributes(settings, deploymentId, startedAt);
    state.windowOpened(settings, { deploymentId, startedAt: startedAt.toISOString(), attributes }, closedByPostStep);
    if (closedByPostStep) state.warningsShown(warningsShown);
    state.setOutputs({ deploymentId, startedAt: startedAt.toISOString() });
    state.setShippedOutputs(attributes);
    exitPromptlyOnCancel(
      closedByPostStep
        ? 'before Last9 confirmed the start event; the post step will still send the stop event.'
        : 'before Last9 confirmed the start event; a later stop step will still close the window.',
    );

    const outcome = await deliver(settings, changeEvent(settings, 'start', startedAt, attributes), session);
    if (closedByPostStep && typeof outcome === 'boolean') state.startDelivered(outcome);
    state.setOutputs({ delivered: String(outcome === true) });
    if (outcome === true) {
      const closer = closedByPostStep ? 'the post step will close it' : 'close it with event_state: stop';
      log.info(`Last9: deployment window ${deploymentId} started for ${settings.service} in ${settings.env}; ${closer}.`);
    }
  } finally {
    session?.dispose();
  }
}

/**
 * An explicit stop: closes the window named by deployment_id, else the newest window this job
 * opened for the same service, env and event name and did not close yet, else sends a point
 * marker (a stop with its own id and no duration). A window already closed is not stopped again.
 */
async function stopWindow(settings: Settings, state: StepState): Promise<void> {
  let window: Window | undefined;
  if (settings.deploymentId) {
    const known = state.window(settings, settings.deploymentId);
    if (known?.closed) {
      state.setOutputs({ deploymentId: known.deploymentId });
      log.info(`Last9: deployment window ${known.deploymentId} was already closed in this job; nothing to send.`);
      return;
    }
    window = { deploymentId: settings.deploymentId, startedAt: settings.startedAt?.toISOString() ?? known?.startedAt, attributes: known?.attributes };
  } else {
    window = state.newestOpenWindow(settings);
    if (!window) log.info(`Last9: no open ${settings.eventName} window for ${settings.service} in ${settings.env}; sending a point marker.`);
  }
  const deploymentId = window?.deploymentId ?? randomUUID();
  const session = openSession(settings, {}, 'stop');
  try {
    // A window opened in this job: the stop repeats its start's attributes, so the two pair on every label.
    const attributes = window?.attributes ?? (await windowAttributes(settings, deploymentId, window?.startedAt ? new Date(window.startedAt) : new Date()));
    if (window) state.windowClosed(settings, window);
    await sendStop(settings, state, { deploymentId, startedAt: window?.startedAt, attributes }, { session });
  } finally {
    session?.dispose();
  }
}

/**
 * The lookups of what shipped may take this long at most. They are part of timeout_seconds, and
 * take at most half of it, so that the event itself still has time to go out.
 */
const LOOKUP_BUDGET_MS = 5_000;

/**
 * The attributes of a window opened by this step, from its context and, unless link_changes is
 * false, what shipped. What had to be dropped or cut, and what could not be found out, is reported.
 */
async function windowAttributes(settings: Settings, deploymentId: string, deployStartedAt: Date): Promise<Attributes> {
  const { context, notice } = readGithubContext();
  if (notice && settings.includeGithubAttributes) log.notice(`Last9: ${notice}`);
  let shipped: Attributes = {};
  if (settings.linkChanges && settings.includeGithubAttributes) {
    const changes = await lookUpShipped(context, {
      token: settings.githubToken,
      environment: settings.githubEnvironment,
      deployStartedMs: deployStartedAt.getTime(),
      budgetMs: Math.min(LOOKUP_BUDGET_MS, Math.floor(settings.timeoutMs / 2)),
      debug: log.debug,
    });
    const missing = describeMissing(changes.missing);
    if (missing) log.notice(`Last9: ${missing}`);
    shipped = shippedAttributes(changes);
  }
  const { attributes, warnings } = startAttributes(settings, deploymentId, context, shipped);
  reportWarnings(warnings);
  return attributes;
}
