export * from './controller-namespace';
export * from './policy-peer';
export * from './network-policies';
