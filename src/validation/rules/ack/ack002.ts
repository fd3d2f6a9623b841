import { Severity } from '../../finding';
import { D } from '../_links';
import { Rule } from '../_rule';

/** Reported by the acknowledgement step of the engine (ack/_ack.ts), after every rule has run. */
export const ACK002: Rule = {
  id: 'ACK002',
  summary: 'an acknowledgement names an unknown rule, or a rule the API server enforces (which cannot be acknowledged)',
  kinds: ['*'],
  severity: Severity.WARNING,
  docsUrl: `${D}/concepts/overview/working-with-objects/annotations/`,
};
