export * from './names';
export * from './port';
export * from './service-port';
export * from './ip';
export * from './service-dns';
