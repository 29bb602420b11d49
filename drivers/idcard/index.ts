// Public surface of the ID card driver.
export * from './frame.js';
export * from './frame-parser.js';
export * from './reply.js';
export * from './text-block.js';
export * from './base-info.js';
export * from './capture.js';
export * from './photo.js';
export * from './samples.js';
