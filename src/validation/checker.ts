import { Finding } from './finding';

/**
 * Settings of the cluster the manifests are meant for.
 */
export interface CheckOptions {
  /**
   * The node port range of the cluster (the API server's `--service-node-port-range`).
   *
   * @default '30000-32767'
   */
  readonly nodePortRange?: string;
}

/**
 * Checks a list of manifests (plain objects, as parsed from YAML) against the rule catalogue.
 *
 * PLACEHOLDER: the rule catalogue lands with the manifest checker; until then nothing is found.
 */
export function checkManifests(manifests: any[], options: CheckOptions = {}): Finding[] {
  void manifests;
  void options;
  return [];
}
