export * from './web-backend-config';
export * from './web-backend';
export * from './web-tls';
export * from './ingress-controller';
export * from './web-exposure';
export * from './internal-web-app-props';
export * from './internal-web-app';
export * from './public-web-app';
