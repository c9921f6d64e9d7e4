// The main step: opens the deployment window and sends its start event.

import { randomUUID } from 'node:crypto';
import * as core from '@actions/core';
import { changeEvent, startAttributes } from './events.js';
import { Last9Session } from './last9-session.js';
import { githubContext, guard, maskRefreshToken, readStepSettings, reportDelivery } from './step.js';
import { saveAccessToken, saveOpenWindow, saveStartDelivered } from './window-state.js';

export async function run(): Promise<void> {
  maskRefreshToken();
  await guard(async () => {
    const settings = readStepSettings();
    if (!settings) return;

    const deploymentId = randomUUID();
    const { attributes, warnings } = startAttributes(settings, deploymentId, githubContext());
    for (const warning of warnings) core.warning(`Last9: ${warning}`);
    const startedAt = new Date();
    saveOpenWindow({ deploymentId, startedAt: startedAt.toISOString(), attributes });
    core.setOutput('deployment_id', deploymentId);
    core.setOutput('started_at', startedAt.toISOString());

    const session = new Last9Session(settings, { onNewToken: saveAccessToken });
    try {
      const delivery = await session.deliver(changeEvent(settings, 'start', startedAt, attributes));
      saveStartDelivered(delivery.delivered);
      core.setOutput('delivered', String(delivery.delivered));
      reportDelivery(delivery, settings);
      if (delivery.delivered) {
        core.info(`Last9: deployment window ${deploymentId} started for ${settings.service} in ${settings.env}; the post step will close it.`);
      }
    } finally {
      session.dispose();
    }
  });
}
