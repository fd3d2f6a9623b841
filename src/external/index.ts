export * from './external-backend';
export * from './session-affinity';
export * from './external-service-props';
export * from './external-service';
export * from './database-engine';
export * from './external-database';
