// The job summary of a window: both events, whether Last9 got them, and the attributes that matter.

import * as core from '@actions/core';
import type { Attributes } from './attributes.js';
import type { Settings } from './settings.js';

const KEY_ATTRIBUTES = ['service_name', 'deployment_environment', 'deployment_id', 'result', 'duration_ms', 'version', 'commit_sha', 'branch', 'tag', 'actor'];

export interface SentEvent {
  at: string;
  delivered: boolean;
}

export interface WindowSummary {
  settings: Settings;
  /** The stop's attributes (the start's plus result and duration_ms). */
  attributes: Attributes;
  start: SentEvent;
  stop: SentEvent;
}

export async function writeWindowSummary({ settings, attributes, start, stop }: WindowSummary): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const delivered = (event: SentEvent): string => (event.delivered ? '✅ delivered' : '⚠️ not delivered');
  const header = (text: string) => ({ data: text, header: true });
  const summary = core.summary
    .addHeading(`Last9 deployment marker: ${escapeHtml(settings.service)} → ${escapeHtml(settings.env)}`, 3)
    .addTable([
      [header('event'), header('event_state'), header('time (UTC)'), header('Last9')],
      [escapeHtml(settings.eventName), 'start', start.at, delivered(start)],
      [escapeHtml(settings.eventName), 'stop', stop.at, delivered(stop)],
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
