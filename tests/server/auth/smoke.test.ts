import { expect, it } from 'vitest';
import { useTestbed } from '../../helpers/testbed.ts';

const bed = useTestbed();

it('an editor with a token syncs', async () => {
  await bed.start();
  const a = bed.connect('smoke');
  const b = bed.connect('smoke', { as: 'coeditor' });
  await a.synced();
  await b.synced();
  a.type('Xin chào');
  await new Promise((r) => setTimeout(r, 300));
  expect(b.text()).toBe('Xin chào');
});
