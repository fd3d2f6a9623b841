import { serviceType } from './_service';
import { Severity } from '../../finding';
import { isMap, list, map } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

/**
 * SVC026: an ExternalName Service that clients reach over HTTPS (port 443, or a port named or
 * declared `https`). The Service is a DNS CNAME: a client connects to `<service>.<namespace>`,
 * sends that name (SNI, Host header) and checks the server's certificate against it, while the
 * outside server presents a certificate for its own host name. The connection fails unless the
 * client connects by the outside name, or the server's certificate also names the Service.
 */
export const SVC026: Rule = {
  id: 'SVC026',
  summary: 'an ExternalName Service is reached over HTTPS: clients check the certificate against the Service\'s name, the outside host presents one for its own name',
  kinds: ['Service'],
  severity: Severity.WARNING,
  docsUrl: `${SVC_DOCS}#externalname`,
  order: 296,
  check(r) {
    if (serviceType(r.m) !== 'ExternalName') {
      return;
    }
    const spec = map(r.m.spec);
    const host = spec.externalName;
    if (typeof host !== 'string') {
      return; // SVC010 reports it
    }
    const ports = list(spec.ports);
    for (let i = 0; i < ports.length; i++) {
      const p = ports[i];
      if (!isMap(p)) {
        continue;
      }
      const https = p.port === 443 || p.name === 'https' || p.appProtocol === 'https';
      if (https) {
        r.report('SVC026', `spec.ports[${i}]`, p.port,
          `is an HTTPS port of an ExternalName Service: clients that connect to the Service's name check the certificate against that name, while '${host}' presents a certificate for its own name, so TLS fails`,
          `have clients connect to '${host}' directly (the Service only saves a DNS lookup), or serve a certificate that also names the Service; a proxy that connects to '${host}' itself (Traefik does with an ExternalName backend) is not affected`);
      }
    }
  },
};
