// @actions/github on its own: bundled apart (dist/github-api.js), so that only a step that calls
// GitHub reads and compiles it. See loadGitHub in changes.ts.
export { getOctokit } from '@actions/github';
