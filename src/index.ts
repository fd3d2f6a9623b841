export * from './validation';
export * from './net';
export * from './external';
export * from './stateful';
export * from './web';
export * from './gateway';
export * from './graph';
export * from './policy';
