// The benchmark's second yardstick: a bundle that only loads @actions/core and prints a line,
// the least any action built on the toolkit can cost.
import * as core from '@actions/core';

core.info('ready');
