// The main step: sends the start event (event_state window or start) or an explicit stop.

import { guard, maskRefreshToken, readStepSettings } from './step.js';
import { openWindow, stopWindow } from './window.js';

export async function run(): Promise<void> {
  maskRefreshToken();
  await guard(async () => {
    const settings = readStepSettings();
    if (!settings) return;
    await (settings.eventState === 'stop' ? stopWindow(settings) : openWindow(settings));
  });
}
