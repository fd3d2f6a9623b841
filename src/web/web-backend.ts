import * as kplus from 'cdk8s-plus-28';
import { backendPortErrors } from './_backend';
import { KubeName } from '../net/names';
import { Problems, renderValue } from '../validation/_problems';

/**
 * Where an Ingress sends a request: a Service by name and one of its ports.
 */
export interface WebBackendConfig {
  /**
   * The name of the Service (in the namespace of the Ingress).
   */
  readonly serviceName: string;

  /**
   * The Service port, by number. Exactly one of `portNumber` and `portName` is set.
   *
   * @default - the port is given by `portName`
   */
  readonly portNumber?: number;

  /**
   * The Service port, by name. Exactly one of `portNumber` and `portName` is set.
   *
   * @default - the port is given by `portNumber`
   */
  readonly portName?: string;

  /**
   * Whether the Service is managed outside this cdk8s app, so that it is not among the
   * manifests checked at synth.
   *
   * @default false
   */
  readonly outsideApp?: boolean;

  /**
   * The port numbers the Service exposes, to check the backend port against.
   *
   * @default - not known: the port is not checked
   */
  readonly exposedPortNumbers?: number[];

  /**
   * The port names the Service exposes, to check the backend port against.
   *
   * @default - not known: the port is not checked
   */
  readonly exposedPortNames?: string[];
}

/**
 * Something an Ingress can route requests to.
 */
export interface IWebBackend {
  /**
   * The Service and port requests go to.
   */
  toWebBackendConfig(): WebBackendConfig;
}

/**
 * The port of a backend Service, by number or by name.
 */
export interface WebBackendServiceOptions {
  /**
   * The Service port number.
   *
   * @default - `portName`, or the only port of a Service whose ports are known
   */
  readonly port?: number;

  /**
   * The Service port name.
   *
   * @default - `port`
   */
  readonly portName?: string;
}

/**
 * Factories for Ingress backends other than a web app of this library (which is a backend
 * itself).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress/#resource-backend
 */
export class WebBackend {
  /**
   * A cdk8s-plus Service and one of its ports; the port is checked against the Service's ports.
   *
   * @param service the Service
   * @param options the port; defaults to the Service's only port
   */
  public static service(service: kplus.Service, options: WebBackendServiceOptions = {}): IWebBackend {
    if (!(service instanceof kplus.Service)) {
      const problems = new Problems('WebBackend.service');
      problems.add('service', service, 'must be a cdk8s-plus `Service`',
        'pass a kplus.Service; for a Service managed outside this app use WebBackend.serviceName(\'name\', { port: 80 })');
      problems.throwIfAny();
    }
    const o: WebBackendServiceOptions = options !== null && typeof options === 'object' ? options : {};
    const ports = service.ports;
    let port = o.port;
    if (port === undefined && o.portName === undefined && ports.length === 1) {
      port = ports[0].port;
    }
    const exposedPortNames = ports.map((p) => p.name).filter((n): n is string => n !== undefined);
    return WebBackend.build(`WebBackend.service(${service.name})`, {
      serviceName: service.name,
      portNumber: port,
      portName: o.portName,
      exposedPortNumbers: ports.map((p) => p.port),
      exposedPortNames,
    });
  }

  /**
   * A Service managed outside this cdk8s app, by name and port. Its ports are not known, so
   * the port is not checked, and the checker run at synth does not require the Service among
   * the app's manifests.
   *
   * @param serviceName the Service's name (a DNS-1035 label)
   * @param options the port, by number or by name; one of them is required
   */
  public static serviceName(serviceName: string, options: WebBackendServiceOptions): IWebBackend {
    return WebBackend.build(`WebBackend.serviceName(${typeof serviceName === 'string' ? serviceName : renderValue(serviceName)})`, {
      serviceName,
      portNumber: options?.port,
      portName: options?.portName,
      outsideApp: true,
    });
  }

  private static build(where: string, config: WebBackendConfig): IWebBackend {
    const problems = new Problems(where);
    problems.addEach('serviceName', config.serviceName, KubeName.dns1035LabelErrors(config.serviceName));
    for (const p of backendPortErrors(config)) {
      problems.add(p.field, p.value, p.message);
    }
    problems.throwIfAny();
    return new FixedBackend(config);
  }

  private constructor() {}
}

class FixedBackend implements IWebBackend {
  public constructor(private readonly config: WebBackendConfig) {}

  public toWebBackendConfig(): WebBackendConfig {
    return { ...this.config };
  }
}
