// The verifier's post step: testing/verify-markers.ts, run through tsx from the repository's
// node_modules.
import { loadVerifier } from './load.mjs';

const { runVerifierPost } = await loadVerifier();
await runVerifierPost();
