import { NP007 } from '../../../../src/validation/rules/networkpolicy/np007';
import { MYSQL, slice } from '../../_fixtures';
import { ids, ruleCases } from '../_case';
import { client, policy } from './_policy';

const APP = client('app', { app: 'app' }, { DB_HOST: 'mysql.default' });
const DNS = { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }] };
const egress = (rules: any[]) => policy('app', { podSelector: { matchLabels: { app: 'app' } }, policyTypes: ['Egress'], egress: rules });

ruleCases(NP007, [
  {
    title: 'the clients of an external backend may not reach its addresses',
    pass: [MYSQL, slice('mysql-1', 'mysql'), APP, egress([DNS, { to: [{ ipBlock: { cidr: '10.0.4.17/32' } }], ports: [{ port: 3306 }] }])],
    fail: [MYSQL, slice('mysql-1', 'mysql'), APP, egress([DNS, { to: [{ ipBlock: { cidr: '10.0.4.17/32' } }], ports: [{ port: 30056 }] }])],
    field: 'spec.ports[0]',
  },
]);

describe('NP007 branches', () => {
  test('pods that do not name the Service, or are not isolated for egress, are not its concern', () => {
    const other = client('other', { app: 'app' }, { X: 'nothing' });
    expect(ids([MYSQL, slice('mysql-1', 'mysql'), other, egress([DNS])]).filter((f) => f.includes('NP007'))).toEqual([]);
    expect(ids([MYSQL, slice('mysql-1', 'mysql'), APP, policy('app', { podSelector: { matchLabels: { app: 'app' } } })]).filter((f) => f.includes('NP007'))).toEqual([]);
  });
});
