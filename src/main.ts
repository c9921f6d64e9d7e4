import { run } from './main-step.js';

await run();
