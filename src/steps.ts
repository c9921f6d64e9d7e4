// Both steps in one bundle (dist/steps.js), which the two entries share.
export { run as runMain } from './steps/main-step.js';
export { run as runPost } from './steps/post-step.js';
