export * from './application';
export * from './case';
export * from './roles';
export * from './workflow';
export * from './search-attributes';
export * from './notice';
export * from './error-codes';
