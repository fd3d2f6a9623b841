export * from './external-backend';
export * from './session-affinity';
export * from './external-service';
