import { Reporter, isMap, list } from '../_engine';

/**
 * Calls `each` for every address (`addresses`, then `notReadyAddresses`) of every subset of the
 * Endpoints object `r.m` that is a map, with its field.
 */
export function forEachAddress(r: Reporter, each: (a: Record<string, any>, field: string) => void): void {
  list(r.m.obj.subsets).forEach((subset, i) => {
    if (!isMap(subset)) {
      return;
    }
    list(subset.addresses).forEach((a, j) => {
      if (isMap(a)) {
        each(a, `subsets[${i}].addresses[${j}]`);
      }
    });
    list(subset.notReadyAddresses).forEach((a, j) => {
      if (isMap(a)) {
        each(a, `subsets[${i}].notReadyAddresses[${j}]`);
      }
    });
  });
}
