import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { ForegroundFirst } from '../src/node/scheduler';

const turn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
const settle = async (turns = 5): Promise<void> => {
  for (let i = 0; i < turns; i++) await turn();
};

/** A pacer on a clock the test moves by hand. */
function pacerAt(quietMs: number): { pacer: ForegroundFirst; clock: { ms: number } } {
  const clock = { ms: 1000 };
  return { pacer: new ForegroundFirst(quietMs, () => clock.ms), clock };
}

test('background slices run at once when the client has been quiet', async () => {
  const { pacer } = pacerAt(50);
  let ran = false;
  void pacer.background().then(() => { ran = true; });
  await settle();
  assert.equal(ran, true);
});

test('background slices wait while foreground work runs, then for the quiet period after it', async () => {
  const { pacer, clock } = pacerAt(50);
  let finish: () => void = () => undefined;
  const work = pacer.foreground(new Promise<void>((resolve) => { finish = resolve; }));
  let ran = false;
  void pacer.background().then(() => { ran = true; });
  await settle();
  clock.ms += 1000;
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(ran, false, 'held while the foreground work is pending');
  finish();
  await work;
  await settle();
  assert.equal(ran, false, 'held for the quiet period after the foreground work');
  clock.ms += 60;
  await new Promise((resolve) => setTimeout(resolve, 70));
  await settle();
  assert.equal(ran, true, 'released once the client is quiet');
});

test('a client message holds background slices, which run once it is quiet again', async () => {
  const { pacer, clock } = pacerAt(20);
  pacer.touch();
  assert.equal(pacer.isQuiet(), false);
  let ran = 0;
  const slices = Promise.all([pacer.background(), pacer.background(), pacer.background()]).then(() => { ran = 3; });
  await settle();
  assert.equal(ran, 0);
  clock.ms += 25;
  await slices;
  assert.equal(ran, 3, 'every waiting slice is released, none starves');
});

test('a failed foreground work still releases the background', async () => {
  const { pacer, clock } = pacerAt(10);
  await assert.rejects(pacer.foreground(Promise.reject(new Error('boom'))), /boom/u);
  clock.ms += 20;
  assert.equal(pacer.isQuiet(), true);
});
