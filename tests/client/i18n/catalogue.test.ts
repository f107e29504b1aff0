import { describe, expect, it } from 'vitest';
import xliff from '../../../client/i18n/xliff/en.xlf?raw';
import { templates } from '../../../client/i18n/generated/en.ts';

/** One message of the catalogue: its id and the placeholders of its Vietnamese source and English target. */
interface Unit {
  id: string;
  targets: number;
  source: string[];
  target: string[];
}

/**
 * The `${…}` placeholders of a message, by their XLIFF `<x id>`: the runtime fills `${0}`, `${1}`…
 * by that index, so it is what must match. The `equiv-text` (the source expression) is only a
 * hint for translators and goes stale when the code is renamed; `lit-localize extract` never
 * rewrites targets.
 */
function placeholders(element: Element | undefined): string[] {
  if (element === undefined) return [];
  return [...element.querySelectorAll('x')].map((x) => x.id).sort();
}

function units(): Unit[] {
  const doc = new DOMParser().parseFromString(xliff, 'application/xml');
  return [...doc.querySelectorAll('trans-unit')].map((unit) => {
    const targets = [...unit.children].filter((child) => child.localName === 'target');
    const source = [...unit.children].find((child) => child.localName === 'source');
    return {
      id: unit.id,
      targets: targets.length,
      source: placeholders(source),
      target: placeholders(targets[0]),
    };
  });
}

describe('the English catalogue', () => {
  it('translates every Vietnamese message exactly once', () => {
    const all = units();
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((unit) => unit.targets !== 1).map((unit) => unit.id)).toEqual([]);
    expect(new Set(all.map((unit) => unit.id)).size).toBe(all.length);
  });

  it('keeps every placeholder of the Vietnamese source and adds none', () => {
    // A dropped `${count}` would show English without the number; an unknown one, a blank.
    const mismatched = units()
      .filter((unit) => unit.source.join('\n') !== unit.target.join('\n'))
      .map(({ id, source, target }) => ({ id, source, target }));
    expect(mismatched).toEqual([]);
  });

  it('has a built template for every message of the interchange file', () => {
    // The runtime reads client/i18n/generated/en.ts: a stale build would show Vietnamese.
    expect(Object.keys(templates).sort()).toEqual(
      units()
        .map((unit) => unit.id)
        .sort(),
    );
  });
});
