import { Reporter, absent, isMap, list } from './_engine';
import { KubeName } from '../../net/names';
import { PortRules } from '../../net/port';

/** What a port list is checked for. */
export interface PortListRules {
  /** The rule id of each kind of problem. */
  readonly number: string;
  readonly name: string;
  readonly protocol: string;
  readonly appProtocol: string;
  /** Whether a name is required when there are several ports. */
  readonly nameRequiredWhenSeveral: boolean;
  /** Whether the port number may be missing. */
  readonly numberOptional: boolean;
}

/**
 * Checks a list of ports (Service, Endpoints and EndpointSlice ports share these rules):
 * numbers, names (DNS-1123 labels, unique), protocols, appProtocols.
 */
export function checkPortList(r: Reporter, ports: unknown, field: string, rules: PortListRules): void {
  const items = list(ports);
  // Name to the first port with it; only a list of several ports can repeat a name.
  const names = items.length > 1 ? new Map<string, number>() : undefined;
  items.forEach((p, i) => {
    if (!isMap(p)) {
      return;
    }
    // (the field of the port, `${field}[${i}]`, is only written out for a finding)
    const name = p.name;
    if (absent(name)) {
      if (rules.nameRequiredWhenSeveral && items.length > 1) {
        r.report(rules.name, `${field}[${i}].name`, undefined, 'is required when there is more than one port', 'name every port, e.g. \'http\' and \'metrics\'');
      } else if (!rules.nameRequiredWhenSeveral && names) {
        // An unnamed port is the port named '': only one may be unnamed.
        const first = names.get('');
        if (first !== undefined) {
          r.report(rules.name, `${field}[${i}].name`, undefined, `must be unique: ${field}[${first}] has no name either`, 'name the ports');
        } else {
          names.set('', i);
        }
      }
    } else if (typeof name === 'string') {
      for (const e of KubeName.dns1123LabelErrors(name)) {
        r.report(rules.name, `${field}[${i}].name`, name, e);
      }
      const first = names?.get(name);
      if (first !== undefined) {
        r.report(rules.name, `${field}[${i}].name`, name, `must be unique: ${field}[${first}] has the same name`, 'give each port its own name');
      } else {
        names?.set(name, i);
      }
    }
    const port = p.port;
    if (port === undefined || port === null) {
      if (!rules.numberOptional) {
        r.report(rules.number, `${field}[${i}].port`, undefined, 'is required', 'give the port number, 1 to 65535');
      }
    } else if (typeof port === 'number') {
      for (const e of PortRules.portNumberErrors(port)) {
        r.report(rules.number, `${field}[${i}].port`, port, e);
      }
    }
    const protocol = p.protocol;
    if (!absent(protocol) && typeof protocol === 'string') {
      for (const e of PortRules.protocolErrors(protocol)) {
        r.report(rules.protocol, `${field}[${i}].protocol`, protocol, e);
      }
    }
    const appProtocol = p.appProtocol;
    if (!absent(appProtocol) && typeof appProtocol === 'string') {
      for (const e of KubeName.qualifiedNameErrors(appProtocol)) {
        r.report(rules.appProtocol, `${field}[${i}].appProtocol`, appProtocol, e, 'use an IANA name such as \'http\' or a prefixed name such as \'kubernetes.io/h2c\'');
      }
    }
  });
}
