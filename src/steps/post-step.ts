// The post step, which the runner runs at the end of the job whatever happened: closes the window
// that this step's main part opened (event_state window or both), unless a stop step already did.

import { runnerFiles, StepState } from '../runner/state.js';
import { guard } from '../runner/guard.js';
import { maskTokens, readStepSettings } from '../runner/inputs.js';
import type { SentEvent } from '../runner/summary.js';
import { openSession, sendStop } from './window.js';
import { log } from '../runner/log.js';

export async function run(): Promise<void> {
  maskTokens();
  await guard(async () => {
    const state = new StepState(runnerFiles());
    const saved = state.postState();
    if (!saved) {
      log.debug('No window was opened by this step (event_state start or stop, or a configuration error); nothing to close.');
      return;
    }
    if (saved.accessToken) log.mask(saved.accessToken.token);
    const { settings } = readStepSettings(saved.warningsShown);
    if (!settings) return;
    const { window } = saved;
    if (state.window(settings, window.deploymentId)?.closed) {
      log.info(`Last9: deployment window ${window.deploymentId} was already closed by a stop step; nothing to send.`);
      return;
    }
    state.windowClosed(settings, window);
    const start: SentEvent = { state: 'start', at: window.startedAt, delivered: settings.dryRun ? 'dry-run' : saved.startDelivered };
    const session = openSession(settings, { cachedToken: saved.accessToken }, 'stop');
    try {
      await sendStop(settings, state, window, { session, start });
    } finally {
      session?.dispose();
    }
  });
}
