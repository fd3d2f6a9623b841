import { GW109 } from './conflicts';
import { GW110 } from './listeners';
import { PARENT_RULES } from './parents';
import { REFERENCE_RULES } from './references';
import { SCHEMA_RULES } from './schema';
import { Rule } from '../_rule';

export { GATEWAY_INDEX } from './_index';
export { GATEWAY_KINDS, checkGatewaySchema } from './schema';

/**
 * The Gateway API rules (standard channel CRDs, see docs/gateway-checker.md): GW001 to GW008
 * check each object against its CRD (GW001's check reports them all, and API001/API006 for
 * versions and kinds the CRDs do not serve); GW101 to GW109 follow the references between
 * objects of the set; GW110 reads the route kinds of each listener.
 */
export const GATEWAY_RULES: readonly Rule[] = [...SCHEMA_RULES, ...PARENT_RULES, ...REFERENCE_RULES, GW109, GW110];
