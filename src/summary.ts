// The job summary of a window: its events, whether Last9 got them, and the attributes that matter.

import * as core from '@actions/core';
import type { Attributes } from './attributes.js';
import type { Settings } from './settings.js';

const KEY_ATTRIBUTES = ['service_name', 'deployment_environment', 'deployment_id', 'result', 'duration_ms', 'version', 'commit_sha', 'branch', 'tag', 'actor'];

export interface SentEvent {
  state: 'start' | 'stop';
  at: string;
  /** Undefined when the step sending it was cancelled before Last9 answered. */
  delivered?: boolean | 'dry-run';
}

export interface WindowSummary {
  settings: Settings;
  /** The stop's attributes (the start's plus result and duration_ms). */
  attributes: Attributes;
  events: SentEvent[];
}

const OUTCOMES = new Map<SentEvent['delivered'], string>([
  [true, '✅ delivered'],
  [false, '⚠️ not delivered'],
  ['dry-run', '🧪 dry run: not sent'],
  [undefined, '❔ unknown (the main step was cancelled)'],
]);

export async function writeWindowSummary({ settings, attributes, events }: WindowSummary): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const header = (text: string) => ({ data: text, header: true });
  const summary = core.summary
    .addHeading(`Last9 deployment marker: ${escapeHtml(settings.service)} → ${escapeHtml(settings.env)}`, 3)
    .addTable([
      [header('event'), header('event_state'), header('time (UTC)'), header('Last9')],
      ...events.map((event) => [escapeHtml(settings.eventName), event.state, event.at, OUTCOMES.get(event.delivered) as string]),
    ])
    .addTable([
      [header('attribute'), header('value')],
      ...KEY_ATTRIBUTES.filter((key) => attributes[key] !== undefined).map((key) => [key, escapeHtml(attributes[key] as string)]),
    ]);
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = process.env;
  if (GITHUB_SERVER_URL && GITHUB_REPOSITORY && GITHUB_RUN_ID) {
    summary.addLink('This workflow run', `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`);
  }
  await summary.write();
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
