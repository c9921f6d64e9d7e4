// `npm run fake-last9`: the fake Last9 of the tests (testing/fake-last9.ts) on its own, on
// 127.0.0.1, until Ctrl+C. Prints its URL, the refresh token and org it accepts, then each change
// event it accepts as the series Last9 stores, and each request it refuses with its status.
// Point the action at it with `api_base_url` (or INPUT_API_BASE_URL), or drive it with curl.
//
// For a fake in the background (the e2e workflow's verifier, testing/verify-markers.ts):
//   --record FILE     append each accepted event to FILE as a JSON line, before answering it, and
//                     each refused request after answering it (RecordLine in testing/verify-markers.ts)
//   --url-file FILE   once listening, write the URL to FILE (whole, via a rename)
// It stops on SIGINT or SIGTERM (on Windows a kill ends it at once; the record is already on disk).

import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_ORG, DEFAULT_REFRESH_TOKEN, FakeLast9, TOKEN_PATH, toSeries } from '../testing/fake-last9.js';
import type { RecordLine } from '../testing/verify-markers.js';

const { values: options } = parseArgs({
  options: { record: { type: 'string' }, 'url-file': { type: 'string' } },
});
const record = (line: RecordLine): void => {
  if (options.record) appendFileSync(options.record, `${JSON.stringify(line)}\n`);
};
if (options.record) writeFileSync(options.record, '');

const fake = await FakeLast9.start({ onEvent: (event) => record({ type: 'event', ...event }) });
if (options['url-file']) {
  writeFileSync(`${options['url-file']}.tmp`, fake.url);
  renameSync(`${options['url-file']}.tmp`, options['url-file']);
}
console.log(`Fake Last9 listening on ${fake.url}
  refresh token: ${DEFAULT_REFRESH_TOKEN}
  org slug:      ${DEFAULT_ORG}
  token:         POST ${fake.url}${TOKEN_PATH}
  events:        PUT  ${fake.url}/api/v4/organizations/${DEFAULT_ORG}/change_events
Ctrl+C to stop.
`);

process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());

let requestsShown = 0;
let eventsShown = 0;
for (;;) {
  await fake.waitFor(() => fake.requests.length > requestsShown || fake.events.length > eventsShown);
  for (const request of fake.requests.slice(requestsShown)) {
    if (request.status === undefined || request.status >= 300) {
      console.log(`refused: ${request.method} ${request.path} → ${request.status ?? 'no answer'}`);
      record({ type: 'refused', method: request.method, path: request.path, status: request.status ?? null, receivedAtMs: request.receivedAtMs });
    }
  }
  requestsShown = fake.requests.length;
  for (const event of fake.events.slice(eventsShown)) console.log(`${toSeries(event)}\n`);
  eventsShown = fake.events.length;
}

async function stop(): Promise<void> {
  await fake.stop();
  record({ type: 'stopped', events: fake.events.length, requests: fake.requests.length });
  console.log(`\nStopped: ${fake.events.length} events accepted, ${fake.requests.length} HTTP requests.`);
  process.exit(0);
}
