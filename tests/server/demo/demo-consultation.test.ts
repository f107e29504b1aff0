import { expect, it } from 'vitest';
import { seedDemo } from '../../../server/demo/demo-seed.ts';
import { api } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';

const bed = useTestbed();

it('the demo draft starts written, frozen as Dự thảo lần 1 and out for comments, with comments sent and answered', async () => {
  const server = await bed.start();
  const { services } = server.server.app;
  await seedDemo(services, { password: 'mat-khau-demo-1' });
  const signIn = async (username: string) => {
    const response = await api(server, '/auth/sign-in', { body: { username, password: 'mat-khau-demo-1' } });
    expect(response.status).toBe(200);
    return response.headers.get('set-cookie')!.split(';')[0]!;
  };

  const secretary = await signIn('hungtv');
  const { drafts } = (await (await api(server, '/drafts', { cookie: secretary })).json()) as {
    drafts: { id: string; status: string }[];
  };
  expect(drafts.map((d) => d.status)).toEqual(['consultation']);
  const draftId = drafts[0]!.id;
  const versions = (await (
    await api(server, `/drafts/${draftId}/versions`, { cookie: secretary })
  ).json()) as {
    versions: { number: number }[];
  };
  expect(versions.versions.map((v) => v.number)).toEqual([1]);
  const all = (await (await api(server, `/drafts/${draftId}/comments`, { cookie: secretary })).json()) as {
    comments: { orgName: string; orphaned: boolean; disposition: { value: string } | null }[];
  };
  expect(all.comments.length).toBeGreaterThanOrEqual(5);
  expect(all.comments.every((c) => !c.orphaned)).toBe(true);
  expect(all.comments.filter((c) => c.disposition !== null).length).toBeGreaterThanOrEqual(1);

  // A sub-branch secretary sees their own organisation's comment and its answer.
  const branch = await signIn('longdv');
  const own = (await (await api(server, `/drafts/${draftId}/comments`, { cookie: branch })).json()) as {
    comments: { orgName: string; disposition: { value: string } | null }[];
  };
  expect(own.comments.map((c) => [c.orgName, c.disposition?.value])).toEqual([
    ['Chi bộ Văn phòng Sở', 'accepted'],
  ]);
  // All but one commenting organisation have sent: the table holds their comments, the last waits.
  const { rounds } = (await (
    await api(server, `/drafts/${draftId}/rounds`, { cookie: secretary })
  ).json()) as {
    rounds: { round: { id: number } }[];
  };
  const log = (await (
    await api(server, `/drafts/${draftId}/rounds/${rounds[0]!.round.id}/log`, { cookie: secretary })
  ).json()) as { counts: { submitted: number; comments: number; byDisposition: { none: number } } };
  expect(log.counts).toMatchObject({ submitted: 4, comments: 4 });
  expect(log.counts.byDisposition.none).toBe(2);
});
