import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../client/rounds/vk-round-org-picker.ts';
import {
  OrgSelectionChangedEvent,
  type VkRoundOrgPicker,
} from '../../../client/rounds/vk-round-org-picker.ts';
import { captureEvents, find, findAll, mount, textOf } from '../fixture.ts';
import { ORGS } from '../rounds-data.ts';

/** A picker whose parent keeps the selection, as the open dialog does. */
async function picker(selected: number[] = []) {
  const p = await mount('vk-round-org-picker', { orgs: ORGS, selected: new Set(selected) });
  p.addEventListener(OrgSelectionChangedEvent.type, (e) => (p.selected = e.selected));
  return p;
}

const box = (p: VkRoundOrgPicker, name: string) =>
  findAll(p, 'label')
    .find((l) => textOf(l) === name)!
    .querySelector('input')!;
const count = (p: Element) => textOf(find(p, '.count'));

describe('vk-round-org-picker', () => {
  it('groups the organisations by kind, each with an "all" toggle, and counts the chosen', async () => {
    const p = await picker([12]);

    expect(findAll(p, 'legend').map(textOf)).toEqual(['Chi bộ trực thuộc (3)', 'Đoàn thể (2)']);
    expect(findAll(p, 'label.all').map(textOf)).toEqual(['Tất cả chi bộ', 'Tất cả đoàn thể']);
    expect(count(p)).toBe('Đã chọn 1 tổ chức');
    expect(box(p, 'Chi bộ Thanh tra Sở').checked).toBe(true);
    expect(box(p, 'Tất cả chi bộ').indeterminate).toBe(true);
  });

  it('chooses every sub-branch in one click, and none in another', async () => {
    const changes = captureEvents(OrgSelectionChangedEvent.type);
    const p = await picker([21]);

    await userEvent.click(box(p, 'Tất cả chi bộ'));
    expect([...p.selected].sort()).toEqual([11, 12, 13, 21]);
    expect(count(p)).toBe('Đã chọn 4 tổ chức');
    expect(box(p, 'Tất cả chi bộ').checked).toBe(true);

    await userEvent.click(box(p, 'Tất cả chi bộ'));
    expect([...p.selected]).toEqual([21]);
    expect(changes).toHaveLength(2);
  });

  it('ticks and unticks one organisation', async () => {
    const p = await picker();

    await userEvent.click(box(p, 'Đoàn Thanh niên'));
    expect([...p.selected]).toEqual([22]);
    await userEvent.click(box(p, 'Đoàn Thanh niên'));
    expect([...p.selected]).toEqual([]);
  });

  it('narrows both groups by a search typed without diacritics, keeping what was chosen', async () => {
    const p = await picker([11]);

    await userEvent.fill(find<HTMLInputElement>(p, 'input[type="search"]'), 'thanh');
    expect(findAll(p, 'li').map(textOf)).toEqual(['Chi bộ Thanh tra Sở', 'Đoàn Thanh niên']);
    expect(count(p)).toBe('Đã chọn 1 tổ chức');

    await userEvent.fill(find<HTMLInputElement>(p, 'input[type="search"]'), 'cdcs');
    expect(findAll(p, 'li').map(textOf)).toEqual(['Công đoàn cơ sở']);
    expect(textOf(find(p, '.none'))).toBe('Không có tổ chức nào khớp.');
  });
});
