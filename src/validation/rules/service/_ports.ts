import { KubeName } from '../../../net/names';
import { PortRules } from '../../../net/port';
import { Reporter, absent, isMap } from '../_engine';
import { Walk } from '../_rule';

/**
 * The walk over port lists (Service ports, the subsets of Endpoints and their ports, the ports
 * of an EndpointSlice), shared by the port rules of the three kinds and SVC017: per port, the
 * name, then the number, the protocol and the appProtocol.
 */
export const PORT_WALK: Walk = {
  name: 'ports',
  order: 250,
  fields: ['addresses', 'notReadyAddresses', 'ports', 'ip', 'hostname', 'nodeName', 'name', 'port', 'protocol', 'appProtocol'],
};

/**
 * The names of a list of ports, checked one port at a time: DNS-1123 labels, unique, and
 * required when there are several (Service, Endpoints) or optional with one unnamed port at
 * most (EndpointSlice).
 */
export class PortNames {
  /** Name to the first port with it; only a list of several ports can repeat a name. */
  private readonly names: Map<string, number> | undefined;

  public constructor(private readonly count: number, private readonly requiredWhenSeveral: boolean) {
    this.names = count > 1 ? new Map() : undefined;
  }

  /** Checks the name of the port `p`, `${field}[${i}]`, under `ruleId`. */
  public check(r: Reporter, ruleId: string, p: Record<string, any>, i: number, field: string): void {
    const name = p.name;
    const names = this.names;
    if (absent(name)) {
      if (this.requiredWhenSeveral && this.count > 1) {
        r.report(ruleId, `${field}[${i}].name`, undefined, 'is required when there is more than one port', 'name every port, e.g. \'http\' and \'metrics\'');
      } else if (!this.requiredWhenSeveral && names) {
        // An unnamed port is the port named '': only one may be unnamed.
        const first = names.get('');
        if (first !== undefined) {
          r.report(ruleId, `${field}[${i}].name`, undefined, `must be unique: ${field}[${first}] has no name either`, 'name the ports');
        } else {
          names.set('', i);
        }
      }
    } else if (typeof name === 'string') {
      for (const e of KubeName.dns1123LabelErrors(name)) {
        r.report(ruleId, `${field}[${i}].name`, name, e);
      }
      const first = names?.get(name);
      if (first !== undefined) {
        r.report(ruleId, `${field}[${i}].name`, name, `must be unique: ${field}[${first}] has the same name`, 'give each port its own name');
      } else {
        names?.set(name, i);
      }
    }
  }
}

/** Checks the number of the port `p`, `${field}[${i}]`: 1 to 65535, and given unless `optional`. */
export function checkPortNumber(r: Reporter, ruleId: string, p: Record<string, any>, i: number, field: string, optional: boolean): void {
  const port = p.port;
  if (port === undefined || port === null) {
    if (!optional) {
      r.report(ruleId, `${field}[${i}].port`, undefined, 'is required', 'give the port number, 1 to 65535');
    }
  } else if (typeof port === 'number') {
    for (const e of PortRules.portNumberErrors(port)) {
      r.report(ruleId, `${field}[${i}].port`, port, e);
    }
  }
}

/** Checks the protocol of the port `p`, `${field}[${i}]`: TCP, UDP or SCTP. */
export function checkPortProtocol(r: Reporter, ruleId: string, p: Record<string, any>, i: number, field: string): void {
  const protocol = p.protocol;
  if (!absent(protocol) && typeof protocol === 'string') {
    for (const e of PortRules.protocolErrors(protocol)) {
      r.report(ruleId, `${field}[${i}].protocol`, protocol, e);
    }
  }
}

/** SVC017 for the port `p`, `${field}[${i}]`: its appProtocol is a qualified name. */
export function checkAppProtocol(r: Reporter, p: Record<string, any>, i: number, field: string): void {
  const appProtocol = p.appProtocol;
  if (!absent(appProtocol) && typeof appProtocol === 'string') {
    for (const e of KubeName.qualifiedNameErrors(appProtocol)) {
      r.report('SVC017', `${field}[${i}].appProtocol`, appProtocol, e, 'use an IANA name such as \'http\' or a prefixed name such as \'kubernetes.io/h2c\'');
    }
  }
}

/** Calls `each` for every port of `ports` that is a map. */
export function forEachPort(ports: readonly any[], each: (p: Record<string, any>, i: number) => void): void {
  for (let i = 0; i < ports.length; i++) {
    const p = ports[i];
    if (isMap(p)) {
      each(p, i);
    }
  }
}
