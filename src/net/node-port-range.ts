// Internal: the one parser of a node port range ('<low>-<high>', the API server's
// `--service-node-port-range`), for the constructs and the checker. Not exported by the folder's
// index, so not part of the package's API.

/** The API server's default `--service-node-port-range`. */
export const DEFAULT_NODE_PORT_RANGE = '30000-32767';

/**
 * The bounds of a node port range `'<low>-<high>'` (white space around it allowed), or
 * undefined unless 1 <= low <= high <= 65535.
 */
export function parseNodePortRange(text: unknown): [number, number] | undefined {
  const m = typeof text === 'string' ? /^([0-9]{1,5})-([0-9]{1,5})$/.exec(text.trim()) : null;
  if (!m) {
    return undefined;
  }
  const low = Number(m[1]);
  const high = Number(m[2]);
  return low >= 1 && high <= 65535 && low <= high ? [low, high] : undefined;
}
