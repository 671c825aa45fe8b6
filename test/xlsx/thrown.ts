// What a call throws (a refusal's error, for its code and message); fails the test when it throws nothing.
export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}
