import { Rule } from './_rule';
import { ACK001 } from './ack/ack001';
import { ACK002 } from './ack/ack002';
import { API001 } from './api/api001';
import { API002 } from './api/api002';
import { API003 } from './api/api003';
import { API004 } from './api/api004';
import { API005 } from './api/api005';
import { API006 } from './api/api006';
import { API007 } from './api/api007';
import { EP001 } from './endpoints/ep001';
import { EP002 } from './endpoints/ep002';
import { EP003 } from './endpoints/ep003';
import { EP004 } from './endpoints/ep004';
import { EP005 } from './endpoints/ep005';
import { EPS001 } from './endpointslice/eps001';
import { EPS002 } from './endpointslice/eps002';
import { EPS003 } from './endpointslice/eps003';
import { EPS004 } from './endpointslice/eps004';
import { EPS005 } from './endpointslice/eps005';
import { EPS006 } from './endpointslice/eps006';
import { EPS007 } from './endpointslice/eps007';
import { GATEWAY_RULES } from './gateway';
import { ING001 } from './ingress/ing001';
import { ING002 } from './ingress/ing002';
import { ING003 } from './ingress/ing003';
import { ING004 } from './ingress/ing004';
import { ING005 } from './ingress/ing005';
import { ING006 } from './ingress/ing006';
import { ING007 } from './ingress/ing007';
import { ING008 } from './ingress/ing008';
import { ING009 } from './ingress/ing009';
import { ING010 } from './ingress/ing010';
import { IC001 } from './ingressclass/ic001';
import { IC002 } from './ingressclass/ic002';
import { META001 } from './meta/meta001';
import { META002 } from './meta/meta002';
import { META003 } from './meta/meta003';
import { META004 } from './meta/meta004';
import { META005 } from './meta/meta005';
import { META006 } from './meta/meta006';
import { META007 } from './meta/meta007';
import { NET001 } from './net/net001';
import { NET002 } from './net/net002';
import { NP001 } from './networkpolicy/np001';
import { NP002 } from './networkpolicy/np002';
import { NP003 } from './networkpolicy/np003';
import { NP004 } from './networkpolicy/np004';
import { NP005 } from './networkpolicy/np005';
import { NP006 } from './networkpolicy/np006';
import { NP007 } from './networkpolicy/np007';
import { SEC001 } from './security/sec001';
import { SEC002 } from './security/sec002';
import { SEC003 } from './security/sec003';
import { SEC004 } from './security/sec004';
import { SEC005 } from './security/sec005';
import { SEC006 } from './security/sec006';
import { SVC001 } from './service/svc001';
import { SVC002 } from './service/svc002';
import { SVC003 } from './service/svc003';
import { SVC004 } from './service/svc004';
import { SVC005 } from './service/svc005';
import { SVC006 } from './service/svc006';
import { SVC007 } from './service/svc007';
import { SVC008 } from './service/svc008';
import { SVC009 } from './service/svc009';
import { SVC010 } from './service/svc010';
import { SVC011 } from './service/svc011';
import { SVC012 } from './service/svc012';
import { SVC013 } from './service/svc013';
import { SVC014 } from './service/svc014';
import { SVC015 } from './service/svc015';
import { SVC016 } from './service/svc016';
import { SVC017 } from './service/svc017';
import { SVC018 } from './service/svc018';
import { SVC019 } from './service/svc019';
import { SVC020 } from './service/svc020';
import { SVC021 } from './service/svc021';
import { SVC022 } from './service/svc022';
import { SVC023 } from './service/svc023';
import { SVC024 } from './service/svc024';
import { SVC025 } from './service/svc025';
import { SVC026 } from './service/svc026';
import { POD001 } from './workloads/pod001';
import { POD002 } from './workloads/pod002';
import { XREF001 } from './xref/xref001';
import { XREF002 } from './xref/xref002';
import { XREF003 } from './xref/xref003';
import { XREF004 } from './xref/xref004';
import { XREF005 } from './xref/xref005';
import { XREF006 } from './xref/xref006';
import { XREF007 } from './xref/xref007';
import { XREF008 } from './xref/xref008';
import { XREF009 } from './xref/xref009';
import { XREF010 } from './xref/xref010';
import { XREF011 } from './xref/xref011';
import { XREF012 } from './xref/xref012';
import { XREF013 } from './xref/xref013';
import { XREF014 } from './xref/xref014';
import { XREF015 } from './xref/xref015';

/**
 * Every rule of the catalogue, one object each (one file per rule, beside its tests in
 * test/validation/rules/<area>/), in id order per area. Ids are stable; a retired rule keeps its
 * id unused. The catalogue (`_catalogue.ts`), the engine's dispatch by kind (`_check.ts`), the
 * CLI's `--list-rules` and the rules table of docs/checker.md are derived from this list.
 */
export const ALL_RULES: readonly Rule[] = [
  // API versions and decoding (reported by the API checks of the engine)
  API001, API002, API003, API004, API005, API006, API007,
  // Object metadata
  META001, META002, META003, META004, META005, META006, META007,
  // Service
  SVC001, SVC002, SVC003, SVC004, SVC005, SVC006, SVC007, SVC008, SVC009, SVC010, SVC011, SVC012, SVC013, SVC014,
  SVC015, SVC016, SVC017, SVC018, SVC019, SVC020, SVC021, SVC022, SVC023, SVC024, SVC025, SVC026,
  // Endpoints (legacy)
  EP001, EP002, EP003, EP004, EP005,
  // EndpointSlice
  EPS001, EPS002, EPS003, EPS004, EPS005, EPS006, EPS007,
  // Ingress
  ING001, ING002, ING003, ING004, ING005, ING006, ING007, ING008, ING009, ING010,
  // IngressClass
  IC001, IC002,
  // Cross-object rules: no server checks these, traffic just does not arrive
  XREF001, XREF002, XREF003, XREF004, XREF005, XREF006, XREF007, XREF008, XREF009, XREF010, XREF011, XREF012, XREF013,
  XREF014, XREF015,
  // NetworkPolicy (networking.k8s.io/v1): what the API server rejects, then what the policies do to the declared traffic
  NP001, NP002, NP003, NP004, NP005, NP006, NP007,
  // Workloads
  POD001, POD002,
  // Security profile (opt-in: `security`)
  SEC001, SEC002, SEC003, SEC004, SEC005, SEC006,
  // Addresses (reported by the shared address reader)
  NET001, NET002,
  // Gateway API (gateway.networking.k8s.io): the CRDs' schema and CEL rules, and the route conditions
  ...GATEWAY_RULES,
  // Acknowledgements (reported by the acknowledgement step of the engine)
  ACK001, ACK002,
];
