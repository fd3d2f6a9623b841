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
