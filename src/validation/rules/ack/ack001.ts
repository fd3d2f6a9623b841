import { Severity } from '../../finding';
import { D } from '../_links';
import { Rule } from '../_rule';

/** Reported by the acknowledgement step of the engine (ack/_ack.ts), after every rule has run. */
export const ACK001: Rule = {
  id: 'ACK001',
  summary: 'an acknowledgement has no reason, cannot be read, or names a rule that finds several things per object without naming which one (`RULE(target): reason`)',
  kinds: ['*'],
  severity: Severity.ERROR,
  docsUrl: `${D}/concepts/overview/working-with-objects/annotations/`,
};
