import { runPost } from './steps.js';
await runPost();
