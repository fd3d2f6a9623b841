export * from './validation/validation-error';
export * from './net/names';
export * from './net/port';
export * from './net/ip';
export * from './net/service-dns';
export * from './validation/finding';
