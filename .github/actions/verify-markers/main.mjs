// The verifier's main step: testing/verify-markers.ts, run through tsx from the repository's
// node_modules (the workflow runs `npm ci` first).
import { loadVerifier } from './load.mjs';

const { runVerifierMain } = await loadVerifier();
await runVerifierMain();
