// `npm run local-action`: the TypeScript sources under GitHub's local runner (@github/local-action,
// with its own @actions/core), main step then post step, with .env.example, against the fake Last9.
// Guards the contributor's path: the sources must run under local-action's stub as they do in the
// bundle, and .env.example must give every input the runner would fill in.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_ENV_FILE, runLocalAction } from '../scripts/local-action.js';

test('local-action runs main and post with .env.example: one start and one stop of one window, result success', { timeout: 60_000 }, async () => {
  const run = await runLocalAction(DEFAULT_ENV_FILE);
  const context = `local-action printed:\n${run.output}`;
  assert.equal(run.exitCode, 0, context);
  assert.deepEqual(run.problems, [], context);
  const [start, stop] = run.events;
  assert.ok(start && stop, context);
  assert.equal(start.event_state, 'start');
  assert.equal(stop.event_state, 'stop');
  assert.match(start.attributes.deployment_id ?? '', /^[0-9a-f-]{36}$/);
  assert.equal(stop.attributes.deployment_id, start.attributes.deployment_id);
  assert.equal(stop.attributes.result, 'success');
  assert.equal(start.attributes.service_name, 'payments-api');
  assert.equal(start.attributes.github_repository, 'acme/payments-api');
  // Every input the runner fills in came from .env.example, not as literal `${{ ... }}` text.
  assert.doesNotMatch(run.output, /::(warning|error)::/, context);
});
