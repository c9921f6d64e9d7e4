// `npm start`: the bundled action through one whole window, as GitHub's runner would run it, for
// the push that merged a pull request (testing/fake-github.ts serves GitHub's side on 127.0.0.1).
// Against an embedded Last9-compatible receiver on 127.0.0.1, or, with LAST9_REFRESH_TOKEN set,
// against Last9 itself (LAST9_ORG_SLUG if the token does not name its organization,
// LAST9_API_BASE_URL to point elsewhere).

import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_GITHUB_TOKEN, FakeGitHub, pushOfMergedPullRequest } from '../testing/fake-github.js';
import { DEFAULT_REFRESH_TOKEN, FakeLast9, toSeries } from '../testing/fake-last9.js';
import { redact } from '../src/text/redact.js';
import { EmulatedJob, findNode, type StepResult } from '../testing/runner.js';

const real = Boolean(process.env.LAST9_REFRESH_TOKEN);
const fake = real ? undefined : await FakeLast9.start();
const inputs: Record<string, string> = {
  refresh_token: process.env.LAST9_REFRESH_TOKEN ?? DEFAULT_REFRESH_TOKEN,
  ...(process.env.LAST9_ORG_SLUG ? { org_slug: process.env.LAST9_ORG_SLUG } : {}),
  env: process.env.LAST9_ENV ?? 'production',
  service: process.env.LAST9_SERVICE ?? 'payments-api',
  custom_attributes: 'team=platform\ntriggered_by=npm start',
  ...(fake ? { api_base_url: fake.url } : process.env.LAST9_API_BASE_URL ? { api_base_url: process.env.LAST9_API_BASE_URL } : {}),
};

const github = await FakeGitHub.start();
pushOfMergedPullRequest(github, { now: Date.now() });
const job = new EmulatedJob({ spawn: {}, githubToken: DEFAULT_GITHUB_TOKEN, env: { GITHUB_API_URL: github.url } });
try {
  const node = findNode();
  console.log(`Running dist/ under Node ${node.version}, against ${fake ? `a local Last9 receiver at ${fake.url}` : 'Last9'}.\n`);

  show('main step (sends start)', await job.runMain({ inputs }));
  console.log('\n── deploying… (a stand-in for your deploy step: 1.5 s)');
  await sleep(1_500);
  show('post step (sends stop; the job ended in success)', await job.runPost({ inputs, job: { status: 'success' } }));

  if (fake) {
    console.log(`\n── what Last9 received: ${fake.events.length} events as series, ${fake.requests.length} HTTP requests`);
    for (const event of fake.events) console.log(`${toSeries(event)}\n`);
  }
} finally {
  job.dispose();
  await Promise.all([fake?.stop(), github.stop()]);
}

/**
 * Prints a step's log as the runner shows it: the runner acts on `::add-mask::` commands instead of
 * printing them, and every value the step masked is `***`.
 */
function show(title: string, step: StepResult): void {
  console.log(`── ${title}: exit code ${step.exitCode}, ${Math.round(step.durationMs)} ms`);
  for (const line of step.stdout.split(/\r?\n/).filter((line) => line && !line.startsWith('::add-mask::'))) console.log(`   ${redact(line, step.masks)}`);
  if (step.stderr.trim()) console.log(`   stderr: ${redact(step.stderr.trim(), step.masks)}`);
  if (Object.keys(step.outputs).length > 0) console.log(`   outputs: ${JSON.stringify(step.outputs)}`);
  if (step.summary) {
    console.log('   job summary:');
    const text = step.summary
      .replace(/<\/(tr|h3|h4|table|li)>/g, '\n')
      .replace(/<li>/g, '• ')
      .replace(/<\/t[hd]>/g, ' | ')
      .replace(/<a href="([^"]+)">([^<]+)<\/a>/g, '$2: $1')
      .replace(/<[^>]+>/g, '');
    for (const line of text.split('\n').filter((line) => line.trim())) console.log(`     ${line}`);
  }
}
