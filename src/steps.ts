// Both steps in one bundle (dist/steps.js), which the two entries share.
export { run as runMain } from './main-step.js';
export { run as runPost } from './post-step.js';
