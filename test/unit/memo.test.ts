import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoize } from '../../src/core/index/memo';

test('memoize computes once per key, remembers undefined too, and starts again past its limit', () => {
  const calls: string[] = [];
  const f = memoize(2, (k: string) => { calls.push(k); return k === 'none' ? undefined : k.length; });
  assert.equal(f('abc'), 3);
  assert.equal(f('abc'), 3);
  assert.equal(f('none'), undefined);
  assert.equal(f('none'), undefined);
  assert.deepEqual(calls, ['abc', 'none']);
  f('x'); // third key: the memory starts again
  f('abc');
  assert.deepEqual(calls, ['abc', 'none', 'x', 'abc']);
});
