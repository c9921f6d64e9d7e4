// The pure parts of cutting a release (scripts/release.ts) and of publishing it
// (.github/workflows/release.yml): versions are checked with semver, CHANGELOG.md is read and
// written with keep-a-changelog (`## [Unreleased]`, `## [X.Y.Z] - YYYY-MM-DD`, links last).
//
// As a command, it prints one version's section, the release notes:
//   tsx scripts/changelog.ts section X.Y.Z
// and exits 1, saying why, when CHANGELOG.md has no such section or it is empty.

import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parser, Release, type Changelog } from 'keep-a-changelog';
import semver from 'semver';

export const CHANGELOG_FILE = fileURLToPath(new URL('../CHANGELOG.md', import.meta.url));

/** A problem with a version or with CHANGELOG.md, in a sentence for the person releasing. */
export class ReleaseError extends Error {
  override name = 'ReleaseError';
}

/** Why `next` cannot be released after `current` (package.json's version), or undefined if it can. */
export function releaseVersionProblem(next: string, current: string): string | undefined {
  if (/^v\d/.test(next)) return `Give the version without the "v": ${next.slice(1)} (the tag will be ${next}).`;
  // semver.valid gives the version without build metadata: a release version has none.
  if (semver.valid(next) !== next) return `"${next}" is not a semantic version: X.Y.Z, or X.Y.Z-rc.1 for a pre-release.`;
  if (!semver.valid(current)) return `package.json's version "${current}" is not a semantic version.`;
  if (semver.lte(next, current)) return `${next} is not greater than package.json's version ${current}.`;
  return undefined;
}

function parse(text: string): Changelog {
  let changelog: Changelog;
  try {
    changelog = parser(text.replace(/\r\n?/g, '\n'));
  } catch (error) {
    throw new ReleaseError(`CHANGELOG.md is not in the Keep a Changelog layout keep-a-changelog reads: ${(error as Error).message}`);
  }
  changelog.format = 'markdownlint'; // a blank line under each heading, as CHANGELOG.md has it
  return changelog;
}

/** The release notes of `version`: its section without the heading. A ReleaseError if there are none. */
export function releaseNotes(text: string, version: string): string {
  if (!semver.valid(version)) throw new ReleaseError(`"${version}" is not a semantic version.`);
  const changelog = parse(text);
  const release = changelog.findRelease(version);
  if (!release?.date) throw new ReleaseError(`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section.`);
  if (release.isEmpty()) throw new ReleaseError(`The "## [${version}]" section of CHANGELOG.md is empty.`);
  return release.toString(changelog).replace(/^.*\n+/, '');
}

/**
 * CHANGELOG.md with its `## [Unreleased]` section released as `## [version] - date` (YYYY-MM-DD)
 * under a new, empty `## [Unreleased]`, and the compare links updated. Throws ReleaseError when
 * there is no Unreleased section, it lists nothing, `version` is already there, or the rewritten
 * file would lose a line of the old one (keep-a-changelog rewrites the whole file).
 */
export function releaseChangelog(text: string, version: string, date: string): string {
  const changelog = parse(text);
  const unreleased = changelog.findRelease();
  if (!unreleased) throw new ReleaseError('CHANGELOG.md has no "## [Unreleased]" section.');
  if (changelog.findRelease(version)) throw new ReleaseError(`CHANGELOG.md already has a "## [${version}]" section.`);
  if (unreleased.isEmpty()) throw new ReleaseError(`The "## [Unreleased]" section of CHANGELOG.md is empty: list what ${version} changes there first.`);
  unreleased.setVersion(version);
  unreleased.setDate(date);
  changelog.addRelease(new Release());
  const released = changelog.toString();

  // Every line stays (blank lines and indentation aside; `#12` may become the link `[#12]`), but
  // the [Unreleased] link, which moves on to the new version.
  const normal = (line: string) => line.trim().replace(/\[#(\d+)\]/g, '#$1');
  const kept = new Set(released.split('\n').map(normal));
  const lost = text.split(/\r?\n/).map(normal).filter((line) => line !== '' && !kept.has(line) && !/^(###|\[unreleased\]:)/i.test(line));
  if (lost.length > 0) {
    throw new ReleaseError(`keep-a-changelog would rewrite these lines of CHANGELOG.md; write them in its layout first:\n${lost.map((line) => `  ${line}`).join('\n')}`);
  }
  return released;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command, version, ...extra] = process.argv.slice(2);
  if (command !== 'section' || !version || extra.length > 0) {
    console.error("Usage: tsx scripts/changelog.ts section X.Y.Z   (prints that version's section of CHANGELOG.md)");
    process.exit(2);
  }
  try {
    process.stdout.write(`${releaseNotes(readFileSync(CHANGELOG_FILE, 'utf8'), version)}\n`);
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
