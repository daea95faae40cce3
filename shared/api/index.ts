export * from './contract.ts';
export * from './result.ts';
export * from './result-schema.ts';
export * from './wire.ts';
