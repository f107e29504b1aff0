import v8 from 'node:v8';
import vm from 'node:vm';

// `gc` exists only under --expose-gc; the flag can still be set at run time, and a fresh
// context then sees the function.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/**
 * Runs a full garbage collection in this process now. The join benchmark calls it before each
 * join: its clients share the bench process with everything measured before (the load
 * scenarios' 500 clients, the seeding), and a collection of that garbage would otherwise land
 * in whichever join happens to trigger it, mostly the first server's. A browser joining a
 * draft has a heap of its own.
 */
export function collectGarbage(): void {
  gc();
}
