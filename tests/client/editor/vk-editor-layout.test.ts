import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { AsideTabChangedEvent } from '../../../client/editor/vk-editor-layout.ts';
import { captureEvents, find, findAll, mount, textOf, viewport } from '../fixture.ts';

const TABS = [
  { id: 'guidance', label: 'Hướng dẫn' },
  { id: 'versions', label: 'Các lần dự thảo' },
];

/** The draft page's frame at `width` pixels, with something in every slot. */
async function layout(width: number) {
  await viewport(width);
  const tabEvents = captureEvents(AsideTabChangedEvent.type);
  const frame = await mount('vk-editor-layout', { tabs: TABS });
  frame.innerHTML = `
    <span slot="header">Báo cáo chính trị</span>
    <nav slot="outline">Dàn ý dự thảo</nav>
    <p>Văn bản</p>
    <section slot="tab-guidance">Hướng dẫn viết mục</section>
    <section slot="tab-versions"><input aria-label="Ghi chú" /></section>`;
  await frame.updateComplete;
  const outline = find(frame, 'aside#outline');
  const aside = find(frame, 'aside#aside');
  return {
    frame,
    tabEvents,
    outline,
    aside,
    outlineToggle: find<HTMLButtonElement>(frame, '.bar > button.toggle'),
    tab: (label: string) =>
      findAll<HTMLButtonElement>(frame, '.tabs button').find((b) => textOf(b) === label)!,
    /** What a reader sees: whether each sidebar is open and a drawer, and the shown tab's content. */
    state: () => ({
      outline: outline.hidden ? 'closed' : outline.classList.contains('drawer') ? 'drawer' : 'docked',
      aside: aside.hidden ? 'closed' : aside.classList.contains('drawer') ? 'drawer' : 'docked',
      tab: textOf(aside.querySelector('slot')?.assignedElements()[0]),
      backdrop: findAll(frame, '.backdrop').length > 0,
    }),
  };
}

describe('vk-editor-layout', () => {
  it('docks the outline and the first tab beside the text on a wide screen', async () => {
    const { frame, tabEvents, outlineToggle, tab, state } = await layout(1280);

    expect(state()).toEqual({
      outline: 'docked',
      aside: 'docked',
      tab: 'Hướng dẫn viết mục',
      backdrop: false,
    });
    expect(outlineToggle.getAttribute('aria-expanded')).toBe('true');
    expect(tab('Hướng dẫn').getAttribute('aria-pressed')).toBe('true');
    expect(tab('Các lần dự thảo').getAttribute('aria-pressed')).toBe('false');
    expect(find(frame, '.body').style.gridTemplateColumns).toBe(
      'var(--outline-width) minmax(0, 1fr) var(--aside-width)',
    );
    expect(tabEvents.map((e) => e.tab)).toEqual(['guidance']);
    expect(find(frame, 'aside#aside').getAttribute('aria-label')).toBe('Hướng dẫn');
  });

  it('switches tabs, and closes the side panel when the open tab is pressed again', async () => {
    const { frame, tabEvents, tab, state } = await layout(1280);

    await userEvent.click(tab('Các lần dự thảo'));
    expect(state()).toMatchObject({ aside: 'docked', tab: '' });
    expect(find(frame, 'aside#aside slot').getAttribute('name')).toBe('tab-versions');
    expect(tab('Các lần dự thảo').getAttribute('aria-pressed')).toBe('true');

    await userEvent.click(tab('Các lần dự thảo'));
    expect(state().aside).toBe('closed');
    expect(tab('Các lần dự thảo').getAttribute('aria-pressed')).toBe('false');
    expect(find(frame, '.body').style.gridTemplateColumns).toBe('var(--outline-width) minmax(0, 1fr)');
    expect(tabEvents.map((e) => e.tab)).toEqual(['guidance', 'versions', null]);
  });

  it('hides and shows the outline with its toggle', async () => {
    const { outlineToggle, state } = await layout(1280);

    await userEvent.click(outlineToggle);
    expect(state().outline).toBe('closed');
    expect(outlineToggle.getAttribute('aria-expanded')).toBe('false');
    expect(outlineToggle.getAttribute('aria-controls')).toBe('outline');

    await userEvent.click(outlineToggle);
    expect(state().outline).toBe('docked');
  });

  it('starts with both sidebars closed on a narrow screen, the text alone in view', async () => {
    const { frame, tabEvents, outlineToggle, state } = await layout(800);

    expect(state()).toEqual({ outline: 'closed', aside: 'closed', tab: '', backdrop: false });
    expect(outlineToggle.getAttribute('aria-expanded')).toBe('false');
    expect(find(frame, '.body').style.gridTemplateColumns).toBe('minmax(0px, 1fr)');
    expect(tabEvents.map((e) => e.tab)).toEqual([null]);
  });

  it('opens sidebars as drawers over the text, each with a close button and a backdrop', async () => {
    const { frame, outline, outlineToggle, tab, state } = await layout(800);

    await userEvent.click(outlineToggle);
    expect(state()).toMatchObject({ outline: 'drawer', backdrop: true });
    expect(getComputedStyle(outline).position).toBe('fixed');
    expect(find(frame, '.body').style.gridTemplateColumns).toBe('minmax(0px, 1fr)');

    await userEvent.click(outline.querySelector<HTMLButtonElement>('button.close')!);
    expect(state()).toMatchObject({ outline: 'closed', backdrop: false });

    await userEvent.click(tab('Hướng dẫn'));
    expect(state()).toMatchObject({ aside: 'drawer', tab: 'Hướng dẫn viết mục', backdrop: true });
    await userEvent.click(find(frame, '.backdrop'), { position: { x: 10, y: 400 } });
    expect(state()).toEqual({ outline: 'closed', aside: 'closed', tab: '', backdrop: false });
  });

  it('closes an open drawer with Escape, but leaves Escape in a dialog to the dialog', async () => {
    const { frame, outlineToggle, state } = await layout(800);
    await userEvent.click(outlineToggle);

    const dialog = document.createElement('dialog');
    frame.append(dialog);
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await frame.updateComplete;
    expect(state().outline).toBe('drawer');

    await userEvent.keyboard('{Escape}');
    expect(state().outline).toBe('closed');
  });

  it('leaves docked sidebars alone on Escape and when drawers are closed', async () => {
    const { frame, state } = await layout(1000);
    // 1000 px: room for the outline column, not for the side panel.
    expect(state()).toMatchObject({ outline: 'docked', aside: 'closed' });

    await userEvent.click(findAll(frame, '.tabs button')[1]!);
    expect(state()).toMatchObject({ outline: 'docked', aside: 'drawer' });

    frame.closeDrawers();
    await frame.updateComplete;
    expect(state()).toMatchObject({ outline: 'docked', aside: 'closed' });

    await userEvent.keyboard('{Escape}');
    expect(state().outline).toBe('docked');
  });

  it('turns docked sidebars into closed drawers when the window narrows, and docks them again when it widens', async () => {
    const { state } = await layout(1280);

    await viewport(800);
    await expect
      .poll(() => state())
      .toEqual({ outline: 'closed', aside: 'closed', tab: '', backdrop: false });

    await viewport(1280);
    await expect
      .poll(() => state())
      .toMatchObject({ outline: 'docked', aside: 'docked', tab: 'Hướng dẫn viết mục' });
  });
});
