// What npm run release and the release workflow rely on in scripts/changelog.ts: which versions may
// follow which, the released CHANGELOG.md, the release notes. semver and keep-a-changelog do the
// parsing; these check what this project's code decides. The command itself is run by
// __tests__/tooling/release.test.ts (npm run test:tooling).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { CHANGELOG_FILE, ReleaseError, releaseChangelog, releaseNotes, releaseVersionProblem } from '../../scripts/changelog.js';

const REPO = 'https://github.com/last9/deployment-marker';
const SAMPLE = `# Changelog

What changes for users, newest first. The format follows
[Keep a Changelog](https://keepachangelog.com/en/1.1.0/).

## [Unreleased]

### Changed

- **Faster steps.** A bullet that wraps
  onto a second line.

### Fixed

## [1.0.0] - 2026-11-23

The first release.

### Added

- Windows.

[Unreleased]: ${REPO}/compare/v1.0.0...HEAD
[1.0.0]: ${REPO}/releases/tag/v1.0.0
`;

const refusal = (pattern: RegExp) => (error: unknown) => error instanceof ReleaseError && pattern.test(error.message);

describe('releaseVersionProblem: which version may follow package.json 1.0.0', () => {
  for (const next of ['1.0.1', '1.1.0', '2.0.0', '1.0.1-rc.1', '1.1.0-rc.10']) {
    test(`${next} may`, () => assert.equal(releaseVersionProblem(next, '1.0.0'), undefined));
  }
  for (const [next, current, problem] of [
    ['1.0.0', '1.0.0', "1.0.0 is not greater than package.json's version 1.0.0."],
    ['0.9.9', '1.0.0', "0.9.9 is not greater than package.json's version 1.0.0."],
    ['1.0.0-rc.1', '1.0.0', "1.0.0-rc.1 is not greater than package.json's version 1.0.0."],
    ['1.1.0-rc.2', '1.1.0-rc.10', "1.1.0-rc.2 is not greater than package.json's version 1.1.0-rc.10."],
    ['v1.0.1', '1.0.0', 'Give the version without the "v": 1.0.1 (the tag will be v1.0.1).'],
    ['1.1', '1.0.0', '"1.1" is not a semantic version: X.Y.Z, or X.Y.Z-rc.1 for a pre-release.'],
    ['1.0.1+build.5', '1.0.0', '"1.0.1+build.5" is not a semantic version: X.Y.Z, or X.Y.Z-rc.1 for a pre-release.'],
    ['1.0.1', 'one', `package.json's version "one" is not a semantic version.`],
  ]) {
    test(`${next} after ${current} may not`, () => assert.equal(releaseVersionProblem(next ?? '', current ?? ''), problem));
  }
});

describe('releaseChangelog', () => {
  test('dates [Unreleased] as the version under a new empty one, keeps the rest, updates the links', () => {
    assert.equal(
      releaseChangelog(SAMPLE, '1.1.0', '2026-12-01'),
      SAMPLE.replace('## [Unreleased]\n', '## [Unreleased]\n\n## [1.1.0] - 2026-12-01\n')
        .replace('### Fixed\n\n', '') // an empty subsection is left out
        .replace(`[Unreleased]: ${REPO}/compare/v1.0.0...HEAD\n`, `[Unreleased]: ${REPO}/compare/v1.1.0...HEAD\n[1.1.0]: ${REPO}/compare/v1.0.0...v1.1.0\n`),
    );
  });

  test('refuses no [Unreleased], an empty one, a version already there', () => {
    assert.throws(() => releaseChangelog(SAMPLE.replace('## [Unreleased]', '## [1.0.1] - 2026-11-30'), '1.1.0', '2026-12-01'), refusal(/no "## \[Unreleased\]" section/));
    assert.throws(
      () => releaseChangelog(SAMPLE.replace(/### Changed[^#]+/, ''), '1.1.0', '2026-12-01'),
      refusal(/^The "## \[Unreleased\]" section of CHANGELOG\.md is empty: list what 1\.1\.0 changes there first\.$/),
    );
    assert.throws(() => releaseChangelog(SAMPLE, '1.0.0', '2026-12-01'), refusal(/already has a "## \[1\.0\.0\]" section/));
  });

  test('refuses to write a file that would lose a line, and names it', () => {
    // keep-a-changelog rebuilds the link definitions at the end: one of its own would be dropped.
    const withLink = `${SAMPLE}[Keep a Changelog]: https://keepachangelog.com/\n`;
    assert.throws(() => releaseChangelog(withLink, '1.1.0', '2026-12-01'), refusal(/would rewrite these lines.*\n {2}\[Keep a Changelog\]: https:\/\/keepachangelog\.com\/$/));
  });

  test("this repository's CHANGELOG.md can be released as it is, losing nothing", () => {
    const text = readFileSync(CHANGELOG_FILE, 'utf8');
    try {
      const released = releaseChangelog(text, '99.0.0', '2099-01-01');
      assert.match(released, /^## \[Unreleased\]\n\n## \[99\.0\.0\] - 2099-01-01\n/m);
    } catch (error) {
      assert.ok(refusal(/^The "## \[Unreleased\]" section of CHANGELOG\.md is empty/)(error), String(error)); // just after a release
    }
  });
});

describe('releaseNotes (tsx scripts/changelog.ts section X.Y.Z)', () => {
  test("a version's section without its heading, the other sections or the links", () => {
    assert.equal(releaseNotes(SAMPLE, '1.0.0'), 'The first release.\n\n### Added\n\n- Windows.');
  });

  test("package.json's version has notes in CHANGELOG.md", () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    assert.ok(releaseNotes(readFileSync(CHANGELOG_FILE, 'utf8'), version).length > 0);
  });

  test('refuses a version without a dated section, an empty section, a non-version', () => {
    assert.throws(() => releaseNotes(SAMPLE, '1.0.1'), refusal(/^CHANGELOG\.md has no "## \[1\.0\.1\] - YYYY-MM-DD" section\.$/));
    assert.throws(() => releaseNotes(SAMPLE.replace('The first release.\n\n### Added\n\n- Windows.\n', ''), '1.0.0'), refusal(/section of CHANGELOG\.md is empty/));
    assert.throws(() => releaseNotes(SAMPLE, 'Unreleased'), refusal(/"Unreleased" is not a semantic version/));
  });
});
