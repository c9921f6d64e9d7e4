// Opening and closing a deployment window: which events to send, what to hand forward, what to
// report. main.ts and post.ts decide which of these a step does.

import { randomUUID } from 'node:crypto';
import * as core from '@actions/core';
import type { Attributes } from './attributes.js';
import { changeEvent, startAttributes, stopAttributes } from './events.js';
import { readHandoff, writeHandoff } from './handoff.js';
import { changeEventsPath, type AccessToken, type ChangeEvent } from './last9-client.js';
import { Last9Session, type SessionOptions } from './last9-session.js';
import type { Settings } from './settings.js';
import { exitPromptlyOnCancel, githubContext, reportDelivery, reportWarnings } from './step.js';
import { writeWindowSummary, type SentEvent } from './summary.js';
import { saveAccessToken, saveOpenWindow, saveStartDelivered, type WindowState } from './window-state.js';

/** true: Last9 accepted it; false: it could not be delivered; 'dry-run': it was only printed. */
type Outcome = SentEvent['delivered'];

/** Sends the start event. In `window` mode it also leaves the post step what it needs to send the stop. */
export async function openWindow(settings: Settings): Promise<void> {
  const deploymentId = settings.deploymentId ?? randomUUID();
  const attributes = windowAttributes(settings, deploymentId);
  const startedAt = new Date().toISOString();
  if (settings.eventState === 'window') saveOpenWindow({ deploymentId, startedAt, attributes });
  writeHandoff(settings, { deploymentId, startedAt });
  core.setOutput('deployment_id', deploymentId);
  core.setOutput('started_at', startedAt);
  exitPromptlyOnCancel(
    settings.eventState === 'window'
      ? 'before Last9 confirmed the start event; the post step will still send the stop event.'
      : 'before Last9 confirmed the start event; a later stop step will still close the window.',
  );

  const onNewToken = settings.eventState === 'window' ? saveAccessToken : undefined;
  const outcome = await deliver(settings, changeEvent(settings, 'start', new Date(startedAt), attributes), { onNewToken });
  if (settings.eventState === 'window' && typeof outcome === 'boolean') saveStartDelivered(outcome);
  core.setOutput('delivered', String(outcome === true));
  if (outcome === true) {
    const closer = settings.eventState === 'window' ? 'the post step will close it' : 'close it with event_state: stop';
    core.info(`Last9: deployment window ${deploymentId} started for ${settings.service} in ${settings.env}; ${closer}.`);
  }
}

/**
 * An explicit stop step: closes the window given by the deployment_id input (one opened in an
 * earlier job), else the one opened earlier in this job for the same service, env and event
 * name, else sends a point marker: a stop with its own id and no duration.
 */
export async function stopWindow(settings: Settings): Promise<void> {
  const handedOff = readHandoff(settings);
  const sameJobStart = handedOff?.deploymentId === settings.deploymentId ? handedOff?.startedAt : undefined;
  const open = settings.deploymentId
    ? { deploymentId: settings.deploymentId, startedAt: settings.startedAt?.toISOString() ?? sameJobStart }
    : handedOff && !handedOff.closed
      ? handedOff
      : undefined;
  const deploymentId = open?.deploymentId ?? randomUUID();
  if (!open) core.info(`Last9: no open ${settings.eventName} window for ${settings.service} in ${settings.env}; sending a point marker.`);
  const attributes = windowAttributes(settings, deploymentId);
  // Marked closed before sending, so that a window step's post step never sends a second stop.
  writeHandoff(settings, { deploymentId, startedAt: open?.startedAt, closed: true });
  await sendStop(settings, { deploymentId, startedAt: open?.startedAt, attributes });
}

/** The post step of a `window` step: closes its window unless a stop step already did. */
export async function closeWindowAtJobEnd(settings: Settings, state: WindowState): Promise<void> {
  const { window } = state;
  const handedOff = readHandoff(settings);
  if (handedOff?.closed && handedOff.deploymentId === window.deploymentId) {
    core.info(`Last9: deployment window ${window.deploymentId} was already closed by a stop step; nothing to send.`);
    return;
  }
  const start: SentEvent = { state: 'start', at: window.startedAt, delivered: settings.dryRun ? 'dry-run' : state.startDelivered };
  await sendStop(settings, window, { cachedToken: state.accessToken, start });
}

/** The window's attributes from this step's context; what had to be dropped or cut is reported. */
function windowAttributes(settings: Settings, deploymentId: string): Attributes {
  const { attributes, warnings } = startAttributes(settings, deploymentId, githubContext());
  reportWarnings(warnings);
  return attributes;
}

interface WindowToClose {
  deploymentId: string;
  startedAt?: string;
  attributes: Attributes;
}

interface StopContext {
  cachedToken?: AccessToken;
  /** The start, when this step knows how it went (the post step of a window step). */
  start?: SentEvent;
}

async function sendStop(settings: Settings, window: WindowToClose, context: StopContext = {}): Promise<void> {
  const stoppedAt = new Date();
  const durationMs = window.startedAt === undefined ? undefined : stoppedAt.getTime() - Date.parse(window.startedAt);
  const result = settings.jobStatus;
  const attributes = stopAttributes(window.attributes, result, durationMs);
  core.setOutput('deployment_id', window.deploymentId);
  if (window.startedAt) core.setOutput('started_at', window.startedAt);
  core.setOutput('stopped_at', stoppedAt.toISOString());
  if (durationMs !== undefined) core.setOutput('duration_ms', String(durationMs));
  core.setOutput('result', result ?? '');
  exitPromptlyOnCancel('before Last9 confirmed the stop event; the marker may be missing its stop on Last9.');

  const outcome = await deliver(settings, changeEvent(settings, 'stop', stoppedAt, attributes), { cachedToken: context.cachedToken });
  core.setOutput('delivered', String(outcome === true));
  if (outcome === true) {
    const duration = durationMs === undefined ? 'a point marker' : `${durationMs} ms`;
    core.info(`Last9: deployment window ${window.deploymentId} stopped (${result ?? 'result unknown'}, ${duration}).`);
  }
  const stop: SentEvent = { state: 'stop', at: stoppedAt.toISOString(), delivered: outcome };
  await writeWindowSummary({ settings, attributes, events: context.start ? [context.start, stop] : [stop] });
}

/** Sends one event, or with dry_run prints exactly what would be sent. */
async function deliver(settings: Settings, event: ChangeEvent, options: SessionOptions): Promise<Outcome> {
  if (settings.dryRun) {
    const url = settings.apiBaseUrl + changeEventsPath(settings.orgSlug);
    core.info(`Last9 dry run: nothing is sent. The ${event.event_state} event would be PUT to ${url}:\n${JSON.stringify(event, null, 2)}`);
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
