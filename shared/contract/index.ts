export * from './api.js';
export * from './api-error.js';
export * from './capture.js';
export * from './decision.js';
export * from './desktop.js';
export * from './routes.js';
export * from './rule.js';
export * from './settings.js';
