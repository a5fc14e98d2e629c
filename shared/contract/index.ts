export * from './api.js';
export * from './capture.js';
export * from './decision.js';
export * from './desktop.js';
export * from './rule.js';
export * from './send.js';
export * from './settings.js';
