export * from './validation-error';
export * from './finding';
export * from './checker';
