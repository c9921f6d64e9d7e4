// The post step, which the runner runs at the end of the job whatever happened: closes the window
// that this step's main part opened (event_state window or both), unless a stop step already did.

import * as core from '@actions/core';
import { StepState } from './state.js';
import { guard, maskTokens, readStepSettings } from './step.js';
import type { SentEvent } from './summary.js';
import { openSession, sendStop } from './window.js';
import { log } from './log.js';

export async function run(): Promise<void> {
  maskTokens();
  await guard(async () => {
    const state = new StepState();
    const saved = state.postState();
    if (!saved) {
      log.debug('No window was opened by this step (event_state start or stop, or a configuration error); nothing to close.');
      return;
    }
    if (saved.accessToken) core.setSecret(saved.accessToken.token);
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
      await sendStop(settings, window, { session, start });
    } finally {
      session?.dispose();
    }
  });
}
