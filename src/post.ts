// The post step: closes the window the main step opened with a stop event carrying the job's result.

import * as core from '@actions/core';
import { changeEvent, stopAttributes } from './events.js';
import { Last9Session } from './last9-session.js';
import { guard, maskRefreshToken, readStepSettings, reportDelivery } from './step.js';
import { writeWindowSummary } from './summary.js';
import { loadWindowState } from './window-state.js';

export async function run(): Promise<void> {
  maskRefreshToken();
  await guard(async () => {
    const state = loadWindowState();
    if (!state) {
      core.info('Last9: the main step opened no deployment window (see its messages), so there is no stop event to send.');
      return;
    }
    const settings = readStepSettings();
    if (!settings) return;

    const stoppedAt = new Date();
    const durationMs = stoppedAt.getTime() - Date.parse(state.window.startedAt);
    const result = settings.jobStatus;
    const attributes = stopAttributes(state.window.attributes, result, durationMs);

    const session = new Last9Session(settings, { cachedToken: state.accessToken });
    try {
      const delivery = await session.deliver(changeEvent(settings, 'stop', stoppedAt, attributes));
      core.setOutput('deployment_id', state.window.deploymentId);
      core.setOutput('started_at', state.window.startedAt);
      core.setOutput('stopped_at', stoppedAt.toISOString());
      core.setOutput('duration_ms', String(durationMs));
      core.setOutput('result', result ?? '');
      core.setOutput('delivered', String(delivery.delivered));
      reportDelivery(delivery, settings);
      if (delivery.delivered) {
        core.info(`Last9: deployment window ${state.window.deploymentId} stopped (${result ?? 'result unknown'}, ${durationMs} ms).`);
      }
      await writeWindowSummary({
        settings,
        attributes,
        start: { at: state.window.startedAt, delivered: state.startDelivered },
        stop: { at: stoppedAt.toISOString(), delivered: delivery.delivered },
      });
    } finally {
      session.dispose();
    }
  });
}
