import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../client/app/vk-app.ts';
import { navigate } from '../../../client/app/router.ts';
import type { SessionInfo } from '../../../shared/api/auth.ts';
import { stubEventSource } from '../event-source-stub.ts';
import { eventually, find, json, mount, stubFetch, textOf, type SentRequest } from '../fixture.ts';
import { signedIn, UNIT_ORG } from '../sessions.ts';

const SECRETARY: SessionInfo = signedIn(
  { id: 7, username: 'hungtv', displayName: 'Trần Văn Hùng', org: UNIT_ORG },
  [
    { orgId: 3, role: 'drafter' },
    { orgId: 3, role: 'secretary' },
  ],
);

/** The server as the shell sees it: who is signed in; every other call is left unanswered (404). */
function server(session: SessionInfo | null): SentRequest[] {
  stubEventSource();
  return stubFetch((r) => {
    if (r.path === '/api/auth/whoami') return json(200, { session });
    if (r.path === '/api/auth/sign-out') return new Response(null, { status: 204 });
    return json(404, { error: { code: 'not_found', message: 'stub' } });
  });
}

/** The element the shell shows as its page. */
const page = (app: Element) => app.shadowRoot?.querySelector('main')?.firstElementChild?.localName;

afterEach(() => history.replaceState(null, '', '/'));

describe('vk-app', () => {
  it('shows the sign-in page when nobody is signed in', async () => {
    server(null);
    const app = await mount('vk-app');
    await eventually(() => expect(page(app)).toBe('vk-sign-in-page'));
  });

  it('names the signed-in user, their organisation and strongest role in the header', async () => {
    server(SECRETARY);
    const app = await mount('vk-app');
    await eventually(() => expect(page(app)).toBe('vk-home-page'));

    expect(textOf(find(app, '.who'))).toContain('Trần Văn Hùng');
    expect(textOf(find(app, '.who small'))).toContain('Đảng bộ Sở TN&MT');
    expect(textOf(find(app, '.who small'))).toContain('Bí thư');
    // Not a bloc admin: no way into the administration.
    expect(app.shadowRoot?.querySelector('a[href="/admin"]')).toBeNull();
  });

  it('shows the page of each address, and a friendly page for an unknown one', async () => {
    server(SECRETARY);
    const app = await mount('vk-app');
    await eventually(() => expect(page(app)).toBe('vk-home-page'));

    const expected: [string, string][] = [
      ['/drafts/d1', 'vk-draft-page'],
      ['/drafts/d1/versions', 'vk-draft-page'],
      ['/drafts/d1/rounds/4', 'vk-rounds-page'],
      ['/drafts/d1/answers', 'vk-answers-page'],
      ['/admin', 'vk-admin-page'],
      ['/no/such/page', 'vk-not-found-page'],
      ['/', 'vk-home-page'],
    ];
    for (const [path, element] of expected) {
      navigate(path);
      await eventually(() => expect([path, page(app)]).toEqual([path, element]));
    }
  });

  it('signs out and returns to the sign-in page', async () => {
    const sent = server(SECRETARY);
    const app = await mount('vk-app');
    await eventually(() => expect(page(app)).toBe('vk-home-page'));

    // On a narrow screen the account's items are folded into a menu.
    const menu = app.shadowRoot!.querySelector<HTMLButtonElement>('button.menu')!;
    if (getComputedStyle(menu).display !== 'none') await userEvent.click(menu);
    const button = [...(app.shadowRoot?.querySelectorAll('button') ?? [])].find(
      (b) => textOf(b) === 'Đăng xuất',
    );
    await userEvent.click(button!);
    await eventually(() => expect(sent.some((r) => r.path === '/api/auth/sign-out')).toBe(true));
    await eventually(() => expect(page(app)).toBe('vk-sign-in-page'));
  });
});
