import { KubeName } from '../../../net/names';
import { Severity } from '../../finding';
import { map } from '../_engine';
import { FIVE, NAMES_DOCS } from '../_links';
import { Rule } from '../_rule';

export const META001: Rule = {
  id: 'META001',
  summary: 'the object name is missing or invalid for its kind (DNS-1035 label for Services, DNS-1123 subdomain otherwise)',
  kinds: FIVE,
  severity: Severity.ERROR,
  docsUrl: NAMES_DOCS,
  server: true,
  order: 110,
  check(r) {
    const kind = r.m.kind as string;
    const name = r.m.name;
    const nameRule = kind === 'Service' ? KubeName.dns1035LabelErrors : KubeName.dns1123SubdomainErrors;
    const nameKind = kind === 'Service' ? 'a DNS-1035 label (a letter first, then lower-case letters, digits and \'-\')' : 'a DNS-1123 subdomain';
    if (name === undefined || name === null || name === '') {
      const generateName = map(r.m.metadata).generateName;
      if (typeof generateName !== 'string' || generateName === '') {
        r.report('META001', 'metadata.name', undefined, 'is required', `name the ${kind} with ${nameKind}`);
      } else {
        // generateName is a prefix: the server appends 5 random characters, so a trailing '-' is fine.
        const errors = nameRule(generateName.endsWith('-') ? `${generateName.slice(0, -1)}a` : generateName);
        for (const e of errors) {
          r.report('META001', 'metadata.generateName', generateName, e);
        }
      }
    } else if (typeof name === 'string') {
      for (const e of nameRule(name)) {
        r.report('META001', 'metadata.name', name, e, `a ${kind} name must be ${nameKind}`);
      }
    }
  },
};
