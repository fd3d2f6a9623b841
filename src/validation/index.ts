export * from './validation-error';
export * from './finding';
export { CheckOptions, ManifestChecker } from './checker';
