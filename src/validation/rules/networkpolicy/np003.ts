import { NP_DOCS, forEachPeer } from './_np';
import { Cidr, IpAddress } from '../../../net/ip';
import { Severity } from '../../finding';
import { isMap, list, map } from '../_engine';
import { Rule } from '../_rule';
import { serverReading } from '../net/_ip';

export const NP003: Rule = {
  id: 'NP003',
  summary: 'a NetworkPolicy peer is empty, mixes ipBlock with selectors, or has an invalid ipBlock (cidr, or an except range not strictly inside it)',
  kinds: ['NetworkPolicy'],
  severity: Severity.ERROR,
  docsUrl: `${NP_DOCS}#behavior-of-to-and-from-selectors`,
  server: true,
  order: 120,
  check(r) {
    forEachPeer(map(r.m.spec), (peer, field) => {
      const set = (k: string) => peer[k] !== undefined && peer[k] !== null;
      const count = ['podSelector', 'namespaceSelector', 'ipBlock'].filter(set).length;
      if (count === 0) {
        r.report('NP003', field, peer, 'must specify a peer: `podSelector`, `namespaceSelector` or `ipBlock`', 'remove the empty peer (an empty `from`/`to` list admits everything), or give a selector');
        return;
      }
      if (count > 1 && set('ipBlock')) {
        r.report('NP003', field, peer, 'may not specify both `ipBlock` and another peer', 'put the `ipBlock` in a peer of its own');
      }
      if (!isMap(peer.ipBlock)) {
        return;
      }
      const cidr = peer.ipBlock.cidr;
      let outer: Cidr | undefined;
      if (typeof cidr !== 'string' || cidr === '') {
        r.report('NP003', `${field}.ipBlock.cidr`, cidr, 'must be set to a CIDR range', 'e.g. \'203.0.113.0/24\'');
      } else {
        const read = serverCidr(cidr);
        for (const e of read.errors) {
          r.report('NP003', `${field}.ipBlock.cidr`, cidr, e);
        }
        outer = read.cidr;
      }
      list(peer.ipBlock.except).forEach((e, i) => {
        if (typeof e !== 'string') {
          return; // (API004)
        }
        const read = serverCidr(e);
        if (read.cidr === undefined) {
          r.report('NP003', `${field}.ipBlock.except[${i}]`, e, `must be a valid CIDR: ${read.errors[0]}`);
          return;
        }
        const inner = read.cidr;
        const inside = outer !== undefined && inner.family === outer.family && inner.prefixLength > outer.prefixLength
          && outer.contains(IpAddress.parse(inner.networkAddress));
        if (outer && !inside) {
          r.report('NP003', `${field}.ipBlock.except[${i}]`, e, `must be a strict subset of \`cidr\` (${cidr})`, 'give a longer prefix inside `cidr`, or remove it');
        }
      });
    });
  },
};

/**
 * A CIDR as the API server reads it: its parser (ParseCIDRSloppy) accepts IPv4 octets with
 * leading zeros and reads them as decimal, and IPv4-mapped IPv6 ranges (`::ffff:10.0.0.0/104`,
 * the IPv4 range 10.0.0.0/8), so such a range is not refused here either.
 */
function serverCidr(text: string): { readonly cidr: Cidr | undefined; readonly errors: string[] } {
  const errors = Cidr.errors(text);
  if (errors.length === 0) {
    return { cidr: Cidr.parse(text), errors };
  }
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)\/(\d+)$/i.exec(text);
  if (mapped !== null && Number(mapped[2]) >= 96 && Number(mapped[2]) <= 128) {
    const v4 = `${mapped[1]}/${Number(mapped[2]) - 96}`;
    if (Cidr.errors(v4).length === 0) {
      return { cidr: Cidr.parse(v4), errors: [] };
    }
  }
  const [address, prefix, ...rest] = text.split('/');
  const decimal = rest.length === 0 ? serverReading(address) : undefined;
  if (decimal !== undefined && prefix !== undefined && Cidr.errors(`${decimal.toString()}/${prefix}`).length === 0) {
    return { cidr: Cidr.parse(`${decimal.toString()}/${prefix}`), errors: [] };
  }
  return { cidr: undefined, errors };
}
