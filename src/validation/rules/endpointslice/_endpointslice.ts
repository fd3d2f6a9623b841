import { Walk } from '../_rule';

/** The address types of a slice. */
export const ADDRESS_TYPES = ['IPv4', 'IPv6', 'FQDN'];

/**
 * The walk over the endpoints of a slice: their count, then per endpoint its addresses (their
 * count, then each address), hostname, nodeName and zone hints.
 */
export const ENDPOINT_WALK: Walk = { name: 'endpoints', order: 240, fields: ['endpoints', 'addresses', 'hostname', 'nodeName', 'hints'] };
