import { NP002 } from '../../../../src/validation/rules/networkpolicy/np002';
import { WEB_PODS } from '../../_fixtures';
import { ids, ruleCases } from '../_case';
import { webPolicy } from './_policy';

const from = [{ podSelector: { matchLabels: { role: 'client' } } }];

ruleCases(NP002, [
  {
    title: 'endPort is below port',
    pass: [WEB_PODS, webPolicy([{ from, ports: [{ port: 8000, endPort: 8080 }] }])],
    fail: [WEB_PODS, webPolicy([{ from, ports: [{ port: 8080, endPort: 8000 }] }])],
    field: 'spec.ingress[0].ports[0].endPort',
  },
  {
    title: 'endPort comes with a named port',
    pass: [WEB_PODS, webPolicy([{ from, ports: [{ port: 'http' }] }])],
    fail: [WEB_PODS, webPolicy([{ from, ports: [{ port: 'http', endPort: 8090 }] }])],
    field: 'spec.ingress[0].ports[0].endPort',
  },
  {
    title: 'the protocol is not TCP, UDP or SCTP',
    pass: [WEB_PODS, webPolicy([{ from, ports: [{ protocol: 'UDP', port: 53 }] }])],
    fail: [WEB_PODS, webPolicy([{ from, ports: [{ protocol: 'ICMP', port: 53 }] }])],
    field: 'spec.ingress[0].ports[0].protocol',
  },
]);

describe('NP002 branches', () => {
  test('port numbers out of range, endPort without port, and a port name that is too long', () => {
    const found = ids([WEB_PODS, webPolicy([{ from, ports: [{ port: 0 }, { endPort: 90 }, { port: 'a-very-long-port-name' }, { port: 80, endPort: 70000 }] }])])
      .filter((f) => f.includes('NP002'));
    expect(found).toEqual([
      '1 NP002 spec.ingress[0].ports[0].port',
      '1 NP002 spec.ingress[0].ports[1].endPort',
      '1 NP002 spec.ingress[0].ports[2].port',
      '1 NP002 spec.ingress[0].ports[3].endPort',
    ]);
  });
});
