// The post step: closes the window that this step's main part opened (event_state: window).

import * as core from '@actions/core';
import { guard, maskRefreshToken, readStepSettings } from './step.js';
import { closeWindowAtJobEnd } from './window.js';
import { loadWindowState } from './window-state.js';

export async function run(): Promise<void> {
  maskRefreshToken();
  await guard(async () => {
    const state = loadWindowState();
    if (!state) {
      core.debug('No window was opened by this step (event_state start or stop, or a configuration error); nothing to close.');
      return;
    }
    const settings = readStepSettings();
    if (!settings) return;
    await closeWindowAtJobEnd(settings, state);
  });
}
