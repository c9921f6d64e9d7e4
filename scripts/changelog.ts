// The pure parts of cutting a release (scripts/release.ts) and of publishing it
// (.github/workflows/release.yml): semantic versions, and CHANGELOG.md in the Keep a Changelog
// layout (`## [Unreleased]`, then `## [X.Y.Z] - YYYY-MM-DD`, newest first, link definitions last).
//
// As a command, it prints one version's section, the release notes:
//   tsx scripts/changelog.ts section X.Y.Z
// and exits 1, saying why, when CHANGELOG.md has no such section or it is empty.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CHANGELOG_FILE = join(fileURLToPath(new URL('..', import.meta.url)), 'CHANGELOG.md');

/** A problem with a version or with CHANGELOG.md, in a sentence for the person releasing. */
export class ReleaseError extends Error {
  override name = 'ReleaseError';
}

// ── Semantic versions (https://semver.org/spec/v2.0.0.html) ────────────────────────────────────

export interface SemVer {
  major: string;
  minor: string;
  patch: string;
  prerelease: string[];
  build: string[];
}

const IDENTIFIER = '(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)';
const SEMVER = new RegExp(
  `^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-(${IDENTIFIER}(?:\\.${IDENTIFIER})*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$`,
);

/** The parts of a semantic version (numbers kept as digits: no size limit), or undefined. */
export function parseSemver(text: string): SemVer | undefined {
  const match = SEMVER.exec(text);
  if (!match) return undefined;
  const [, major = '', minor = '', patch = '', prerelease, build] = match;
  return { major, minor, patch, prerelease: prerelease ? prerelease.split('.') : [], build: build ? build.split('.') : [] };
}

function parseOrThrow(version: string): SemVer {
  const parsed = parseSemver(version);
  if (!parsed) throw new ReleaseError(`"${version}" is not a semantic version (X.Y.Z, or X.Y.Z-rc.1 for a pre-release).`);
  return parsed;
}

/** Digit strings without leading zeros (as semver has them), compared as numbers of any size. */
function compareNumeric(a: string, b: string): number {
  if (a.length !== b.length) return Math.sign(a.length - b.length);
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareIdentifiers(a: string, b: string): number {
  const aNumeric = /^\d+$/.test(a);
  const bNumeric = /^\d+$/.test(b);
  if (aNumeric && bNumeric) return compareNumeric(a, b);
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1; // numeric identifiers have lower precedence
  return a < b ? -1 : a > b ? 1 : 0; // ASCII order
}

/**
 * Semver precedence: negative if a < b, 0 if equal, positive if a > b. A pre-release is lower than
 * its release; build metadata is ignored. Throws ReleaseError on an invalid version.
 */
export function compareSemver(a: string, b: string): number {
  const x = parseOrThrow(a);
  const y = parseOrThrow(b);
  for (const part of ['major', 'minor', 'patch'] as const) {
    const order = compareNumeric(x[part], y[part]);
    if (order !== 0) return order;
  }
  if (x.prerelease.length === 0 || y.prerelease.length === 0) return Math.sign(y.prerelease.length - x.prerelease.length);
  for (let i = 0; i < Math.min(x.prerelease.length, y.prerelease.length); i++) {
    const order = compareIdentifiers(x.prerelease[i] ?? '', y.prerelease[i] ?? '');
    if (order !== 0) return order;
  }
  return Math.sign(x.prerelease.length - y.prerelease.length);
}

/** Why `next` cannot be released after `current` (package.json's version), or undefined if it can. */
export function releaseVersionProblem(next: string, current: string): string | undefined {
  if (/^v\d/.test(next)) return `Give the version without the "v": ${next.slice(1)} (the tag will be ${next}).`;
  const parsed = parseSemver(next);
  if (!parsed) return `"${next}" is not a semantic version: X.Y.Z, or X.Y.Z-rc.1 for a pre-release.`;
  if (parsed.build.length > 0) return `"${next}" has build metadata (+${parsed.build.join('.')}), which a release version does not use.`;
  if (!parseSemver(current)) return `package.json's version "${current}" is not a semantic version.`;
  if (compareSemver(next, current) <= 0) return `${next} is not greater than package.json's version ${current}.`;
  return undefined;
}

/** `true` for a pre-release version (X.Y.Z-rc.1): published as a pre-release, the major tag stays. */
export function isPrerelease(version: string): boolean {
  return parseOrThrow(version).prerelease.length > 0;
}

/** The major tag a release moves: `v1` for 1.4.2. */
export function majorTag(version: string): string {
  return `v${parseOrThrow(version).major}`;
}

/** Today's date in UTC, as a changelog heading gives it: YYYY-MM-DD. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

// ── CHANGELOG.md ───────────────────────────────────────────────────────────────────────────────

interface Section {
  /** What the heading's brackets hold: `Unreleased` or a version. */
  name: string;
  /** Line index of the `## ` heading. */
  heading: number;
  /** Line index just past the section's last line. */
  end: number;
}

interface Parsed {
  lines: string[];
  sections: Section[];
  /** Line index where the trailing link definitions (`[1.0.0]: https://…`) begin. */
  footer: number;
}

const SECTION_HEADING = /^## +\[?([^\]\s]+)\]?(?:\s+-\s+.*)?\s*$/;
const LINK_DEFINITION = /^\[[^\]]+\]:\s*\S/;
const FENCE = /^\s*(```|~~~)/;

function parse(text: string): Parsed {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let footer = lines.length;
  while (footer > 0 && (LINK_DEFINITION.test(lines[footer - 1] ?? '') || (lines[footer - 1] ?? '').trim() === '')) footer--;
  while (footer < lines.length && !LINK_DEFINITION.test(lines[footer] ?? '')) footer++; // keep blank lines with the last section
  const sections: Section[] = [];
  let inFence = false;
  for (let i = 0; i < footer; i++) {
    const line = lines[i] ?? '';
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence) continue;
    const match = /^#{1,2} /.test(line) ? SECTION_HEADING.exec(line) : null;
    const previous = sections.at(-1);
    if (previous && previous.end === -1 && /^#{1,2} /.test(line)) previous.end = i;
    if (match?.[1] && line.startsWith('## ')) sections.push({ name: match[1], heading: i, end: -1 });
  }
  const last = sections.at(-1);
  if (last && last.end === -1) last.end = footer;
  return { lines, sections, footer };
}

function isUnreleased(section: Section): boolean {
  return section.name.toLowerCase() === 'unreleased';
}

/** A line that says something: not blank, not a `###` subheading, not an HTML comment. */
function isContent(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && !/^#{3,} /.test(trimmed) && !/^<!--.*-->$/.test(trimmed);
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start] ?? '').trim() === '') start++;
  while (end > start && (lines[end - 1] ?? '').trim() === '') end--;
  return lines.slice(start, end);
}

/** The body without `###` subheadings that have nothing under them (say, an unused `### Fixed`). */
function dropEmptySubsections(lines: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^### /.test(line)) {
      let next = i + 1;
      while (next < lines.length && !/^### /.test(lines[next] ?? '') && !isContent(lines[next] ?? '')) next++;
      if (next >= lines.length || /^### /.test(lines[next] ?? '')) {
        i = next - 1;
        continue;
      }
    }
    kept.push(line);
  }
  return kept;
}

/**
 * The body of `version`'s section, without its heading and surrounding blank lines: the release
 * notes. Undefined when CHANGELOG.md has no section for it.
 */
export function changelogSection(text: string, version: string): string | undefined {
  const { lines, sections } = parse(text);
  const section = sections.find((candidate) => candidate.name === version);
  if (!section) return undefined;
  return trimBlankLines(lines.slice(section.heading + 1, section.end)).join('\n');
}

/** The release notes of `version`, or a ReleaseError saying why there are none. */
export function releaseNotes(text: string, version: string): string {
  const notes = changelogSection(text, version);
  if (notes === undefined) throw new ReleaseError(`CHANGELOG.md has no "## [${version}]" section.`);
  if (!notes.split('\n').some(isContent)) throw new ReleaseError(`The "## [${version}]" section of CHANGELOG.md is empty.`);
  return notes;
}

/**
 * CHANGELOG.md with its `## [Unreleased]` section released as `version` on `date`: the heading
 * becomes `## [version] - date` (empty `###` subsections dropped) under a new, empty
 * `## [Unreleased]`. If the link definitions at the end have `[Unreleased]: …/compare/<prev>...HEAD`,
 * it becomes `…/compare/v<version>...HEAD`, and `[version]: …/compare/<prev>...v<version>` is added.
 * Throws ReleaseError when there is no Unreleased section, it lists nothing, or `version` is
 * already there.
 */
export function releaseChangelog(text: string, version: string, date: string): string {
  parseOrThrow(version);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ReleaseError(`"${date}" is not a date (YYYY-MM-DD).`);
  const { lines, sections, footer } = parse(text);
  const unreleased = sections.find(isUnreleased);
  if (!unreleased) throw new ReleaseError('CHANGELOG.md has no "## [Unreleased]" section.');
  if (sections.some((section) => section.name === version)) throw new ReleaseError(`CHANGELOG.md already has a "## [${version}]" section.`);
  const body = trimBlankLines(dropEmptySubsections(lines.slice(unreleased.heading + 1, unreleased.end)));
  if (!body.some(isContent)) {
    throw new ReleaseError(`The "## [Unreleased]" section of CHANGELOG.md is empty: list what ${version} changes there first.`);
  }

  const rest = lines.slice(unreleased.end, footer);
  const released = ['## [Unreleased]', '', `## [${version}] - ${date}`, '', ...body, ...(rest.length > 0 && (rest[0] ?? '').trim() !== '' ? [''] : []), ...rest];
  const links = lines.slice(footer).flatMap((line) => {
    const compare = /^\[unreleased\]:\s*(\S+)\/compare\/(\S+)\.\.\.HEAD\s*$/i.exec(line);
    if (!compare) return [line];
    const [, base, previous] = compare;
    return [`[Unreleased]: ${base}/compare/v${version}...HEAD`, `[${version}]: ${base}/compare/${previous}...v${version}`];
  });
  const head = lines.slice(0, unreleased.heading);
  const tail = links.length > 0 ? [...(released.at(-1)?.trim() === '' ? [] : ['']), ...links] : [];
  return `${[...head, ...released, ...tail].join('\n').replace(/\n*$/, '')}\n`;
}

// ── Command line ───────────────────────────────────────────────────────────────────────────────

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command, version, ...extra] = process.argv.slice(2);
  if (command !== 'section' || !version || extra.length > 0) {
    console.error('Usage: tsx scripts/changelog.ts section X.Y.Z   (prints that version\'s section of CHANGELOG.md)');
    process.exit(2);
  }
  try {
    parseOrThrow(version);
    process.stdout.write(`${releaseNotes(readFileSync(CHANGELOG_FILE, 'utf8'), version)}\n`);
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
