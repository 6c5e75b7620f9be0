/**
 * Compile-time proofs that a type the backend derives (a zod schema's input, a const list) agrees
 * with the contract the settings UI was written against (src/contracts). Nothing here runs.
 */

/** `true` when each type is assignable to the other. */
export type Agree<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Compiles only for `true`: `Proved<Agree<A, B>>` fails the build where the two drift apart.
 * Export the proof so the compiler keeps checking it even though nothing reads it.
 */
export type Proved<T extends true> = T;
