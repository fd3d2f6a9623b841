export * from './finding';
export * from './check-options';
export * from './checker';
