import { run } from './post-step.js';

await run();
