import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import {
  CHANGELOG_FILE,
  changelogSection,
  compareSemver,
  isPrerelease,
  majorTag,
  parseSemver,
  ReleaseError,
  releaseChangelog,
  releaseNotes,
  releaseVersionProblem,
  utcDate,
} from '../scripts/changelog.js';
import { PROJECT_ROOT } from '../testing/runner.js';

const HEADER = '# Changelog\n\nNewest first.\n';
const LINKS = '[Unreleased]: https://github.com/last9/deployment-marker/compare/v1.0.0...HEAD\n[1.0.0]: https://github.com/last9/deployment-marker/releases/tag/v1.0.0\n';

/** A changelog with one released version, `unreleased` under [Unreleased], and optional link definitions. */
function changelog(unreleased: string, links = LINKS): string {
  return `${HEADER}\n## [Unreleased]\n${unreleased}\n## [1.0.0] - 2026-11-23\n\n### Added\n\n- Windows.\n${links ? `\n${links}` : ''}`;
}

describe('parseSemver', () => {
  test('reads each part of a version, pre-release and build included', () => {
    assert.deepEqual(parseSemver('1.2.3'), { major: '1', minor: '2', patch: '3', prerelease: [], build: [] });
    assert.deepEqual(parseSemver('10.20.30-rc.1+sha.5114f85'), { major: '10', minor: '20', patch: '30', prerelease: ['rc', '1'], build: ['sha', '5114f85'] });
    assert.deepEqual(parseSemver('0.0.0-0A.is.legal'), { major: '0', minor: '0', patch: '0', prerelease: ['0A', 'is', 'legal'], build: [] });
  });

  for (const invalid of ['', '1', '1.2', '1.2.3.4', 'v1.2.3', '01.2.3', '1.02.3', '1.2.03', '1.2.3-', '1.2.3-01', '1.2.3-rc..1', '1.2.3+', ' 1.2.3', '1.2.3\n', '1.2.3-rc_1']) {
    test(`refuses ${JSON.stringify(invalid)}`, () => {
      assert.equal(parseSemver(invalid), undefined);
    });
  }
});

describe('compareSemver', () => {
  // The order of semver.org's precedence example, then further releases.
  const ascending = [
    '0.9.9',
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '1.0.1',
    '1.2.0',
    '1.9.0',
    '1.10.0',
    '2.0.0-0',
    '2.0.0',
    '10.0.0',
  ];

  test('orders versions by semver precedence: every pair of the example list', () => {
    for (const [i, a] of ascending.entries()) {
      for (const [j, b] of ascending.entries()) {
        assert.equal(Math.sign(compareSemver(a, b)), Math.sign(i - j), `${a} vs ${b}`);
      }
    }
  });

  test('numbers are compared as numbers, of any size', () => {
    assert.ok(compareSemver('1.10.0', '1.9.0') > 0);
    assert.ok(compareSemver('1.0.0-rc.10', '1.0.0-rc.9') > 0);
    assert.ok(compareSemver('1.0.99999999999999999999', '1.0.9999999999999999999') > 0);
  });

  test('build metadata is ignored', () => {
    assert.equal(compareSemver('1.0.0+a', '1.0.0+b'), 0);
    assert.equal(compareSemver('1.0.0-rc.1+a', '1.0.0-rc.1'), 0);
  });

  test('throws a ReleaseError on an invalid version', () => {
    assert.throws(() => compareSemver('1.0', '1.0.0'), (error) => error instanceof ReleaseError && /"1\.0" is not a semantic version/.test(error.message));
  });
});

describe('releaseVersionProblem', () => {
  for (const [next, current] of [
    ['1.0.1', '1.0.0'],
    ['1.1.0', '1.0.9'],
    ['2.0.0', '1.99.0'],
    ['1.1.0-rc.1', '1.0.0'],
    ['1.1.0-rc.2', '1.1.0-rc.1'],
    ['1.1.0', '1.1.0-rc.2'],
  ] as const) {
    test(`${next} may follow ${current}`, () => {
      assert.equal(releaseVersionProblem(next, current), undefined);
    });
  }

  test('the same or a lower version is refused', () => {
    assert.equal(releaseVersionProblem('1.0.0', '1.0.0'), "1.0.0 is not greater than package.json's version 1.0.0.");
    assert.equal(releaseVersionProblem('0.9.0', '1.0.0'), "0.9.0 is not greater than package.json's version 1.0.0.");
    assert.equal(releaseVersionProblem('1.0.0-rc.1', '1.0.0'), "1.0.0-rc.1 is not greater than package.json's version 1.0.0.");
  });

  test('a leading v, a non-version and build metadata are refused, each saying what to write', () => {
    assert.equal(releaseVersionProblem('v1.0.1', '1.0.0'), 'Give the version without the "v": 1.0.1 (the tag will be v1.0.1).');
    assert.equal(releaseVersionProblem('1.1', '1.0.0'), '"1.1" is not a semantic version: X.Y.Z, or X.Y.Z-rc.1 for a pre-release.');
    assert.equal(releaseVersionProblem('1.0.1+build.7', '1.0.0'), '"1.0.1+build.7" has build metadata (+build.7), which a release version does not use.');
  });

  test("package.json's own version must be valid", () => {
    assert.equal(releaseVersionProblem('1.0.1', 'next'), 'package.json\'s version "next" is not a semantic version.');
  });
});

describe('isPrerelease, majorTag, utcDate', () => {
  test('a pre-release has a pre-release part; build metadata is not one', () => {
    assert.equal(isPrerelease('1.2.0-rc.1'), true);
    assert.equal(isPrerelease('1.2.0'), false);
    assert.equal(isPrerelease('1.2.0+build.1'), false);
  });

  test('the major tag is v and the major version', () => {
    assert.equal(majorTag('1.4.2'), 'v1');
    assert.equal(majorTag('12.0.0-rc.1'), 'v12');
    assert.equal(majorTag('0.3.0'), 'v0');
  });

  test("the date is the UTC day, not the local one", () => {
    assert.equal(utcDate(new Date('2026-11-23T23:30:00-05:00')), '2026-11-24');
    assert.equal(utcDate(new Date('2026-11-24T00:30:00+02:00')), '2026-11-23');
  });
});

describe('releaseChangelog', () => {
  test('dates [Unreleased] as the version under a new empty [Unreleased] and updates the links', () => {
    const before = changelog('\n### Fixed\n\n- A stop for a closed window says so.\n');
    assert.equal(
      releaseChangelog(before, '1.0.1', '2026-12-01'),
      `${HEADER}
## [Unreleased]

## [1.0.1] - 2026-12-01

### Fixed

- A stop for a closed window says so.

## [1.0.0] - 2026-11-23

### Added

- Windows.

[Unreleased]: https://github.com/last9/deployment-marker/compare/v1.0.1...HEAD
[1.0.1]: https://github.com/last9/deployment-marker/compare/v1.0.0...v1.0.1
[1.0.0]: https://github.com/last9/deployment-marker/releases/tag/v1.0.0
`,
    );
  });

  test('leaves out empty ### subsections, keeps the ones with entries', () => {
    const after = releaseChangelog(changelog('\n### Added\n\n### Changed\n\n- Faster.\n\n### Fixed\n<!-- nothing yet -->\n\n'), '1.1.0', '2026-12-01');
    assert.equal(changelogSection(after, '1.1.0'), '### Changed\n\n- Faster.');
  });

  test('without link definitions, leaves the end alone and ends in one newline', () => {
    const after = releaseChangelog(changelog('\n- Faster.\n', ''), '1.1.0', '2026-12-01');
    assert.ok(after.endsWith('### Added\n\n- Windows.\n'), JSON.stringify(after.slice(-40)));
    assert.doesNotMatch(after, /\[1\.1\.0\]:/);
  });

  test('an [Unreleased] section last, right above the links, is released too', () => {
    const before = `${HEADER}\n## [Unreleased]\n\n- First.\n\n[Unreleased]: https://example.com/o/r/compare/v0.1.0...HEAD\n`;
    assert.equal(
      releaseChangelog(before, '0.2.0', '2026-12-01'),
      `${HEADER}\n## [Unreleased]\n\n## [0.2.0] - 2026-12-01\n\n- First.\n\n[Unreleased]: https://example.com/o/r/compare/v0.2.0...HEAD\n[0.2.0]: https://example.com/o/r/compare/v0.1.0...v0.2.0\n`,
    );
  });

  test('reads CRLF line endings and writes LF', () => {
    const after = releaseChangelog(changelog('\n- Faster.\n').replaceAll('\n', '\r\n'), '1.1.0', '2026-12-01');
    assert.doesNotMatch(after, /\r/);
    assert.equal(changelogSection(after, '1.1.0'), '- Faster.');
  });

  test('a ## line inside a code block is not a section', () => {
    const after = releaseChangelog(changelog('\n- Logs now look like:\n\n  ```text\n## [2.0.0] - not a heading\n  ```\n'), '1.1.0', '2026-12-01');
    assert.equal(changelogSection(after, '1.1.0'), '- Logs now look like:\n\n  ```text\n## [2.0.0] - not a heading\n  ```');
  });

  for (const [name, unreleased] of [
    ['nothing', '\n'],
    ['only subheadings', '\n### Added\n\n### Fixed\n\n'],
    ['only a comment', '\n<!-- Add entries here. -->\n'],
  ] as const) {
    test(`refuses an [Unreleased] section with ${name} in it`, () => {
      assert.throws(() => releaseChangelog(changelog(unreleased), '1.0.1', '2026-12-01'), {
        name: 'ReleaseError',
        message: 'The "## [Unreleased]" section of CHANGELOG.md is empty: list what 1.0.1 changes there first.',
      });
    });
  }

  test('refuses a changelog without [Unreleased], a version already there, a bad version or date', () => {
    assert.throws(() => releaseChangelog(changelog('\n- x\n').replace('## [Unreleased]', '## Upcoming'), '1.0.1', '2026-12-01'), {
      message: 'CHANGELOG.md has no "## [Unreleased]" section.',
    });
    assert.throws(() => releaseChangelog(changelog('\n- x\n'), '1.0.0', '2026-12-01'), { message: 'CHANGELOG.md already has a "## [1.0.0]" section.' });
    assert.throws(() => releaseChangelog(changelog('\n- x\n'), '1.0', '2026-12-01'), { name: 'ReleaseError' });
    assert.throws(() => releaseChangelog(changelog('\n- x\n'), '1.0.1', '1 Dec 2026'), { message: '"1 Dec 2026" is not a date (YYYY-MM-DD).' });
  });
});

describe('changelogSection and releaseNotes', () => {
  const text = releaseChangelog(changelog('\n### Fixed\n\n- One.\n- Two.\n'), '1.0.1', '2026-12-01');

  test("a version's section: its body, without heading, other sections or link definitions", () => {
    assert.equal(changelogSection(text, '1.0.1'), '### Fixed\n\n- One.\n- Two.');
    assert.equal(changelogSection(text, '1.0.0'), '### Added\n\n- Windows.');
    assert.equal(changelogSection(text, 'Unreleased'), '');
  });

  test('only that exact version: not a prefix, not its pre-release', () => {
    assert.equal(changelogSection(text, '1.0'), undefined);
    assert.equal(changelogSection(text, '1.0.1-rc.1'), undefined);
    assert.equal(changelogSection(text, '2.0.0'), undefined);
  });

  test('releaseNotes refuses a missing or empty section', () => {
    assert.equal(releaseNotes(text, '1.0.1'), '### Fixed\n\n- One.\n- Two.');
    assert.throws(() => releaseNotes(text, '2.0.0'), { name: 'ReleaseError', message: 'CHANGELOG.md has no "## [2.0.0]" section.' });
    assert.throws(() => releaseNotes(`${text}\n## [0.1.0] - 2026-01-01\n\n### Added\n`, '0.1.0'), {
      message: 'The "## [0.1.0]" section of CHANGELOG.md is empty.',
    });
  });
});

describe("this repository's CHANGELOG.md", () => {
  const text = readFileSync(CHANGELOG_FILE, 'utf8');
  const headings = [...text.matchAll(/^## (.*)$/gm)].map((match) => match[1] ?? '');

  test('starts with [Unreleased], then dated versions, newest first, each with notes', () => {
    assert.equal(headings[0], '[Unreleased]');
    const versions = headings.slice(1).map((heading) => {
      const match = /^\[(.+)\] - (\d{4}-\d{2}-\d{2})$/.exec(heading);
      assert.ok(match?.[1] && parseSemver(match[1]), `"## ${heading}" is not "## [X.Y.Z] - YYYY-MM-DD"`);
      assert.ok(releaseNotes(text, match[1]).length > 0);
      return match[1];
    });
    assert.ok(versions.length > 0);
    for (let i = 1; i < versions.length; i++) assert.ok(compareSemver(versions[i - 1] ?? '', versions[i] ?? '') > 0, `${versions[i - 1]} before ${versions[i]}`);
  });

  test("has a section for package.json's version, with a link to its release", () => {
    const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.ok(releaseNotes(text, version).length > 0);
    assert.match(text, new RegExp(`^\\[${version.replaceAll('.', '\\.')}\\]: https://github\\.com/last9/deployment-marker/`, 'm'));
    assert.match(text, /^\[Unreleased\]: https:\/\/github\.com\/last9\/deployment-marker\/compare\/v\S+\.\.\.HEAD$/m);
  });

  test('releasing the next version keeps every released section as it was', () => {
    const next = releaseChangelog(text.replace('## [Unreleased]\n', '## [Unreleased]\n\n### Fixed\n\n- Something.\n'), '99.0.0', '2099-01-01');
    for (const heading of headings.slice(1)) {
      const version = /^\[(.+)\]/.exec(heading)?.[1] ?? '';
      assert.equal(changelogSection(next, version), changelogSection(text, version), version);
    }
    // The new version gets what was unreleased: the line added here, then what the file has.
    const unreleased = changelogSection(text, 'Unreleased');
    assert.equal(changelogSection(next, '99.0.0'), ['### Fixed\n\n- Something.', unreleased].filter(Boolean).join('\n\n'));
  });
});

describe('tsx scripts/changelog.ts section X.Y.Z (the release workflow runs it)', () => {
  const cli = (...args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/changelog.ts', ...args], { cwd: PROJECT_ROOT });

  test("prints a version's section of CHANGELOG.md", async () => {
    const { stdout } = await cli('section', '1.0.0');
    assert.equal(stdout, `${changelogSection(readFileSync(CHANGELOG_FILE, 'utf8'), '1.0.0')}\n`);
    assert.match(stdout, /^The first release\./);
  });

  for (const [args, code, message] of [
    [['section', '9.9.9'], 1, 'CHANGELOG.md has no "## [9.9.9]" section.\n'],
    [['section', 'v1.0.0'], 1, '"v1.0.0" is not a semantic version (X.Y.Z, or X.Y.Z-rc.1 for a pre-release).\n'],
    [['section'], 2, "Usage: tsx scripts/changelog.ts section X.Y.Z   (prints that version's section of CHANGELOG.md)\n"],
  ] as const) {
    test(`${args.join(' ')}: exit ${code}, nothing on stdout`, async () => {
      await assert.rejects(cli(...args), (error: { code?: number; stdout?: string; stderr?: string }) => {
        assert.equal(error.code, code);
        assert.equal(error.stdout, '');
        assert.equal(error.stderr, message);
        return true;
      });
    });
  }
});
