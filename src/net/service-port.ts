import { KubeName } from './names';
import { PortRules, Protocol, TargetPort } from './port';
import { Problems } from '../validation/_problems';

/**
 * One port of a Service.
 */
export interface ServicePortOptions {
  /**
   * The port the Service listens on (clients connect to `<service>:<port>`).
   */
  readonly port: number;

  /**
   * The port on the backends that traffic is forwarded to: a number or a container port name.
   *
   * @default - the same number as `port`
   */
  readonly targetPort?: TargetPort;

  /**
   * The port's name: an IANA service name (at most 15 lower-case letters, digits and '-').
   * EndpointSlices and Ingress backends refer to a port by this name.
   *
   * @default - derived by the construct (for example from `appProtocol` or the port number)
   */
  readonly name?: string;

  /**
   * The transport protocol.
   *
   * @default Protocol.TCP
   */
  readonly protocol?: Protocol;

  /**
   * The application protocol, a hint for proxies and meshes: an IANA service name
   * (`http`, `postgresql`), a `kubernetes.io/` name (`kubernetes.io/h2c`) or a domain-prefixed
   * name (`example.com/custom`).
   *
   * @default - none
   * @see https://kubernetes.io/docs/concepts/services-networking/service/#application-protocol
   */
  readonly appProtocol?: string;
}

/**
 * A Service port after validation, with its name resolved.
 * @internal
 */
export interface ResolvedServicePort {
  readonly name: string;
  readonly port: number;
  readonly targetPort: TargetPort;
  readonly protocol: Protocol;
  readonly appProtocol?: string;
}

/**
 * Validates a list of Service ports into `problems` (under `field[i]`): numbers in range,
 * names that are IANA service names, unique names, unique port+protocol pairs, protocols and
 * appProtocols Kubernetes accepts. Returns the ports with names resolved: a port without a
 * name gets `defaultName(port, index)`.
 *
 * @internal
 */
export function resolveServicePorts(
  ports: readonly ServicePortOptions[],
  problems: Problems,
  field: string,
  defaultName: (port: ServicePortOptions, index: number) => string,
): ResolvedServicePort[] {
  const resolved: ResolvedServicePort[] = [];
  const names = new Map<string, number>();
  const numbers = new Map<string, number>();
  ports.forEach((p, i) => {
    const at = `${field}[${i}]`;
    if (p === null || typeof p !== 'object') {
      problems.add(at, p, 'must be a port object such as { port: 5432 }');
      return;
    }
    problems.addEach(`${at}.port`, p.port, PortRules.portNumberErrors(p.port), 'use a port number from 1 to 65535');
    // JavaScript callers may pass a bare number or string: report it, never a TypeError.
    const givenTarget = p.targetPort instanceof TargetPort ? p.targetPort : undefined;
    if (p.targetPort !== undefined && givenTarget === undefined) {
      problems.add(`${at}.targetPort`, p.targetPort, 'must be a `TargetPort`', 'use TargetPort.number(8080) or TargetPort.name(\'http\')');
    }
    const target = givenTarget ?? TargetPort.number(p.port);
    if (givenTarget !== undefined) {
      problems.addEach(`${at}.targetPort`, target.value, target.errors());
    }
    const protocol = p.protocol ?? Protocol.TCP;
    problems.addEach(`${at}.protocol`, protocol, PortRules.protocolErrors(protocol));
    if (p.appProtocol !== undefined) {
      problems.addEach(`${at}.appProtocol`, p.appProtocol, KubeName.qualifiedNameErrors(p.appProtocol));
    }
    const name = p.name ?? defaultName(p, i);
    problems.addEach(`${at}.name`, name, KubeName.ianaSvcNameErrors(name));
    const previousName = names.get(name);
    if (previousName !== undefined) {
      problems.add(`${at}.name`, name, `must be unique, but ${field}[${previousName}] has the same name`, 'give each port its own name');
    } else {
      names.set(name, i);
    }
    const key = `${p.port}/${protocol}`;
    const previousNumber = numbers.get(key);
    if (previousNumber !== undefined) {
      problems.add(`${at}.port`, p.port, `must be unique per protocol, but ${field}[${previousNumber}] also listens on ${p.port}/${protocol}`, 'remove the duplicate or use another port');
    } else {
      numbers.set(key, i);
    }
    resolved.push({ name, port: p.port, targetPort: target, protocol, appProtocol: p.appProtocol });
  });
  return resolved;
}
