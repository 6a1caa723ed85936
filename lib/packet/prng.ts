/**
 * A small seeded pseudo-random number generator, so that every packet-level run is reproducible.
 *
 * Provenance: the mulberry32 mixing steps (Tommy Ettinger's public-domain 32-bit generator), rewritten here.
 * It is not cryptographic and has a period of 2^32, which is plenty for jitter in a simulation.
 *
 * @example const random = mulberry32(42); random(); // a number in [0, 1)
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
