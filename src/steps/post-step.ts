// The post step, which the runner runs at the end of the job whatever happened: stops the windows
// this step's main part opened, unless a stop step already did. A window step's always; a start
// step's only when the job failed or was cancelled — its stop step may never have run — and
// otherwise says the window is left open for a later job.

import { guard } from '../runner/guard.js';
import { maskTokens, readStepSettings } from '../runner/inputs.js';
import { log } from '../runner/log.js';
import { runnerFiles, StepState } from '../runner/state.js';
import { openSession, sendStops } from './window.js';

export async function run(): Promise<void> {
  maskTokens();
  await guard(async () => {
    const state = new StepState(runnerFiles());
    const saved = state.postState();
    if (!saved) {
      log.debug('No window was opened by this step (event_state stop or both, or a configuration error); nothing to close.');
      return;
    }
    if (saved.accessToken) log.mask(saved.accessToken.token);
    const { settings } = readStepSettings(saved.warningsShown);
    if (!settings) return;
    const open = saved.windows.flatMap((window, index) => {
      const windowSettings = { ...settings, service: window.service };
      if (!state.window(windowSettings, window.deploymentId)?.closed) return [{ window, windowSettings, index }];
      log.info(`Last9: deployment window ${window.deploymentId} was already closed by a stop step; nothing to send.`);
      return [];
    });
    if (open.length === 0) return;
    const jobFailed = settings.jobStatus === 'failure' || settings.jobStatus === 'cancelled';
    if (saved.stop === 'if-the-job-failed' && !jobFailed) {
      for (const { window } of open) log.info(`Last9: deployment window ${window.deploymentId} of ${window.service} is still open: left for a stop step in a later job.`);
      return;
    }
    for (const { window, windowSettings } of open) state.windowClosed(windowSettings, window);
    const stops = open.map(({ window, index }) => ({
      service: window.service,
      window,
      start: { state: 'start' as const, at: window.startedAt, delivered: settings.dryRun ? ('dry-run' as const) : saved.startDelivered[index] },
    }));
    const session = openSession(settings, { cachedToken: saved.accessToken, shown: saved.warningsShown }, 'stop');
    try {
      await sendStops(settings, state, stops, session);
    } finally {
      session?.dispose();
    }
  });
}
