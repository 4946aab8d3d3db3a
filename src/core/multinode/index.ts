/** The multinode power package (srt-slurm dcgm collector, v1) and the consumer's audit of it. */
export * from './contract.js';
export * from './samples.js';
export * from './identity.js';
export * from './windows.js';
export * from './json-equal.js';
export * from './audit.js';
export * from './sidecar.js';
