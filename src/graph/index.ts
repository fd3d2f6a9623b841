export * from './connectivity-map';
export * from './map-types';
