// The main step: opens a window for each service (event_state window or start), sends a start
// and its stop at once (both), or sends an explicit stop. Only this step looks up what shipped
// (the post step repeats its start's attributes), so only it loads @actions/github
// (dist/github-api.js).

import { randomUUID } from 'node:crypto';
import type { Attributes } from '../marker/attributes.js';
import { changeEvent, startAttributes } from '../marker/events.js';
import type { GithubContext } from '../marker/github-context.js';
import { describeMissing, shippedAttributes } from '../marker/shipped.js';
import { lookUpShipped } from '../github/lookups.js';
import type { AccessToken } from '../last9/client.js';
import { readGithubContext } from '../runner/event-file.js';
import { exitPromptlyOnCancel, guard, reportWarnings } from '../runner/guard.js';
import { maskTokens, readStepSettings } from '../runner/inputs.js';
import { log } from '../runner/log.js';
import { quoteList } from '../text/quote.js';
import type { Settings } from '../runner/settings.js';
import { runnerFiles, StepState, type OpenedWindow, type PostStop, type Window } from '../runner/state.js';
import { deliver, openSession, sendStops, windowIds, type Stop } from './window.js';

export async function run(): Promise<void> {
  maskTokens();
  await guard(async () => {
    const state = new StepState(runnerFiles());
    state.clearPostState();
    const { settings, shown } = readStepSettings();
    if (!settings) return;
    await (settings.eventState === 'stop' ? stopWindows(settings, state) : openWindows(settings, state, shown));
  });
}

/** Who stops the windows a step opens, and what the log says of it. */
const CLOSERS: Record<Exclude<Settings['eventState'], 'stop'>, { postStop?: PostStop; closer: string; onCancel: string }> = {
  window: { postStop: 'always', closer: 'the post step will close it', onCancel: 'the post step will still send the stop event.' },
  start: {
    postStop: 'if-the-job-failed',
    closer: 'close it with event_state: stop',
    onCancel: 'a stop step (or, if the job fails, the post step) will still close the window.',
  },
  // Its stops are sent at once, by the step itself.
  both: { closer: 'its stop follows', onCancel: 'its stop event is not sent.' },
};

/**
 * Sends the starts, one window a service, over one token exchange that starts first, so that it
 * overlaps the lookups of what shipped (made once for all of them). The post step gets what it
 * needs to stop them.
 */
async function openWindows(settings: Settings, state: StepState, warningsShown: string[]): Promise<void> {
  const startedAt = new Date();
  const { postStop, closer, onCancel } = CLOSERS[settings.eventState as keyof typeof CLOSERS];
  const onNewToken = postStop ? (token: AccessToken) => state.accessTokenReceived(token) : undefined;
  const session = openSession(settings, { onNewToken, shown: warningsShown }, 'start');
  try {
    const { context, shipped } = await readContext(settings, startedAt);
    const made = settings.services.map((service) => {
      const deploymentId = settings.deploymentId ?? randomUUID();
      const { attributes, warnings } = startAttributes({ ...settings, service }, deploymentId, context, shipped);
      return { window: { service, deploymentId, startedAt: startedAt.toISOString(), attributes }, warnings };
    });
    // Every service's attributes are cut the same way: each warning once.
    reportWarnings([...new Set(made.flatMap(({ warnings }) => warnings))]);
    const windows: OpenedWindow[] = made.map(({ window }) => window);
    state.windowsOpened(settings, windows, postStop);
    if (postStop) state.warningsShown(warningsShown);
    state.setOutputs({ startedAt: startedAt.toISOString(), ...windowIds(windows) });
    state.setShippedOutputs(windows[0]?.attributes ?? {});
    exitPromptlyOnCancel(`before Last9 confirmed the start event; ${onCancel}`);

    const outcomes = await Promise.all(windows.map((window) => deliver(settings, changeEvent(settings, 'start', startedAt, window.attributes), session)));
    if (postStop) {
      state.startDelivered(outcomes.map((outcome) => (typeof outcome === 'boolean' ? outcome : undefined)));
      // With what Last9's answers made the step say.
      state.warningsShown(warningsShown);
    }
    state.setOutputs({ delivered: String(outcomes.every((outcome) => outcome === true)) });
    for (const [index, window] of windows.entries()) {
      if (outcomes[index] === true) log.info(`Last9: deployment window ${window.deploymentId} started for ${window.service} in ${settings.env}; ${closer}.`);
    }
    if (settings.eventState === 'both') {
      for (const window of windows) state.windowClosed({ ...settings, service: window.service }, window);
      const stops = windows.map((window, index) => ({ service: window.service, window, start: { state: 'start' as const, at: window.startedAt, delivered: outcomes[index] } }));
      await sendStops(settings, state, stops, session);
    }
  } finally {
    session?.dispose();
  }
}

/**
 * An explicit stop, for each service: closes the window named by deployment_id, else the newest
 * window this job opened for the service, env and event name and did not close yet, else sends a
 * point marker (a stop with its own id and no duration). A window already closed is not stopped
 * again.
 */
async function stopWindows(settings: Settings, state: StepState): Promise<void> {
  const session = openSession(settings, {}, 'stop');
  // Read only for a window this job did not open, and then once.
  let shared: ReturnType<typeof readContext> | undefined;
  try {
    const stops: Stop[] = [];
    const ofOtherJobs: string[] = [];
    for (const service of settings.services) {
      const serviceSettings = { ...settings, service };
      const window = findWindow(serviceSettings, state);
      if (window === 'closed') continue;
      const deploymentId = window?.deploymentId ?? randomUUID();
      // A window opened in this job: the stop repeats its start's attributes, so the two pair on every label.
      let attributes = window?.attributes;
      if (!attributes) {
        if (window) ofOtherJobs.push(deploymentId);
        const { context, shipped } = await (shared ??= readContext(settings, window?.startedAt ? new Date(window.startedAt) : new Date()));
        const made = startAttributes(serviceSettings, deploymentId, context, shipped);
        reportWarnings(made.warnings);
        attributes = made.attributes;
      }
      if (window) state.windowClosed(serviceSettings, window);
      stops.push({ service, window: { deploymentId, startedAt: window?.startedAt, attributes } });
    }
    if (ofOtherJobs.length > 0 && !settings.resultGiven) {
      log.notice(
        `Last9: the result sent with the stop of ${ofOtherJobs.length === 1 ? 'window' : 'windows'} ${quoteList(ofOtherJobs)}, opened in another job, is this job's status (${settings.jobStatus ?? 'unknown'}); give result: (say \${{ contains(needs.*.result, 'failure') && 'failure' || 'success' }}) for the result of the jobs the window spans.`,
      );
    }
    if (stops.length > 0) await sendStops(settings, state, stops, session);
  } finally {
    session?.dispose();
  }
}

/** The window an explicit stop closes; 'closed' when it was closed already (said so). */
function findWindow(settings: Settings, state: StepState): Window | 'closed' | undefined {
  if (!settings.deploymentId) {
    const window = state.newestOpenWindow(settings);
    if (!window) log.info(`Last9: no open ${settings.eventName} window for ${settings.service} in ${settings.env}; sending a point marker.`);
    return window;
  }
  const known = state.window(settings, settings.deploymentId);
  if (known?.closed) {
    state.setOutputs({ deploymentId: known.deploymentId });
    log.info(`Last9: deployment window ${known.deploymentId} was already closed in this job; nothing to send.`);
    return 'closed';
  }
  return { deploymentId: settings.deploymentId, startedAt: settings.startedAt?.toISOString() ?? known?.startedAt, attributes: known?.attributes };
}

/**
 * The lookups of what shipped may take this long at most. They are part of timeout_seconds, and
 * take at most half of it, so that the event itself still has time to go out.
 */
const LOOKUP_BUDGET_MS = 5_000;

/**
 * The GitHub context of the step and, unless link_changes is false, what shipped: once for all the
 * windows it opens. What could not be found out is said in one notice.
 */
async function readContext(settings: Settings, deployStartedAt: Date): Promise<{ context: GithubContext; shipped: Attributes }> {
  const { context, notice } = readGithubContext();
  if (notice && settings.includeGithubAttributes) log.notice(`Last9: ${notice}`);
  if (!settings.linkChanges || !settings.includeGithubAttributes) return { context, shipped: {} };
  const changes = await lookUpShipped(context, {
    token: settings.githubToken,
    environment: settings.githubEnvironment,
    deployStartedMs: deployStartedAt.getTime(),
    budgetMs: Math.min(LOOKUP_BUDGET_MS, Math.floor(settings.timeoutMs / 2)),
    debug: log.debug,
    named: settings,
  });
  const missing = describeMissing(changes.missing);
  if (missing) log.notice(`Last9: ${missing}`);
  return { context, shipped: shippedAttributes(changes) };
}
