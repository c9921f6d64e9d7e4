import { runMain } from './steps.js';

await runMain();
