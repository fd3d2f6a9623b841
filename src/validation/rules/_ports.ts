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
  const names = new Map<string, number>();
  items.forEach((p, i) => {
    const at = `${field}[${i}]`;
    if (!isMap(p)) {
      return;
    }
    if (absent(p.name)) {
      if (rules.nameRequiredWhenSeveral && items.length > 1) {
        r.report(rules.name, `${at}.name`, undefined, 'is required when there is more than one port', 'name every port, e.g. \'http\' and \'metrics\'');
      } else if (!rules.nameRequiredWhenSeveral) {
        // An unnamed port is the port named '': only one may be unnamed.
        const first = names.get('');
        if (first !== undefined) {
          r.report(rules.name, `${at}.name`, undefined, `must be unique: ${field}[${first}] has no name either`, 'name the ports');
        } else {
          names.set('', i);
        }
      }
    } else if (typeof p.name === 'string') {
      for (const e of KubeName.dns1123LabelErrors(p.name)) {
        r.report(rules.name, `${at}.name`, p.name, e);
      }
      const first = names.get(p.name);
      if (first !== undefined) {
        r.report(rules.name, `${at}.name`, p.name, `must be unique: ${field}[${first}] has the same name`, 'give each port its own name');
      } else {
        names.set(p.name, i);
      }
    }
    if (p.port === undefined || p.port === null) {
      if (!rules.numberOptional) {
        r.report(rules.number, `${at}.port`, undefined, 'is required', 'give the port number, 1 to 65535');
      }
    } else if (typeof p.port === 'number') {
      for (const e of PortRules.portNumberErrors(p.port)) {
        r.report(rules.number, `${at}.port`, p.port, e);
      }
    }
    if (!absent(p.protocol) && typeof p.protocol === 'string') {
      for (const e of PortRules.protocolErrors(p.protocol)) {
        r.report(rules.protocol, `${at}.protocol`, p.protocol, e);
      }
    }
    if (!absent(p.appProtocol) && typeof p.appProtocol === 'string') {
      for (const e of KubeName.qualifiedNameErrors(p.appProtocol)) {
        r.report(rules.appProtocol, `${at}.appProtocol`, p.appProtocol, e, 'use an IANA name such as \'http\' or a prefixed name such as \'kubernetes.io/h2c\'');
      }
    }
  });
}
