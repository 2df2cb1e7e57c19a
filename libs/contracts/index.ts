export * from './application';
export * from './roles';
export * from './workflow';
export * from './search-attributes';
