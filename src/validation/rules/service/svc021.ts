import { Severity } from '../../finding';
import { ALLOCATIONS, claimantOf, claimsOf } from '../_cross';
import { namespaceOf } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

export const SVC021: Rule = {
  id: 'SVC021',
  summary: 'a nodePort or clusterIP is already taken by another Service among the manifests (the API server refuses to allocate it twice)',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#type-nodeport`,
  server: true,
  order: 1030,
  uses: [ALLOCATIONS],
  check(r, set) {
    const claims = claimsOf(r.m);
    if (claims.length === 0) {
      return; // most Services claim nothing
    }
    const allocations = set.part(ALLOCATIONS);
    const me = claimantOf(r.m, namespaceOf(r.m, r.settings.namespace));
    for (const c of claims) {
      const owner = allocations.ownerOf(c);
      if (owner !== undefined && owner !== me) {
        r.report('SVC021', c.field, c.value, `is already taken by ${owner}: the API server refuses to allocate the same ${c.what} twice`, `pick another ${c.what}, or leave it out to get one allocated`);
      }
    }
  },
};
