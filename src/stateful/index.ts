export * from './headless-port';
export * from './headless-service';
export * from './headless-stateful-service';
