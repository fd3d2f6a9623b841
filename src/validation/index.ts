export * from './validation-error';
export * from './finding';
