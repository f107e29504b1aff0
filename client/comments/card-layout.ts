/** A card to place: where it wants to be (its highlight's top) and how tall it is. */
export interface CardBox {
  id: number;
  want: number;
  height: number;
}

/**
 * Tops for cards aligned with their highlights without overlapping, in the order given
 * (document order). The active card sits exactly at its highlight; the cards after it are
 * pushed down and the cards before it pushed up, as far as needed to keep `gap` between them.
 */
export function stackCards(cards: readonly CardBox[], activeId: number | null, gap = 8): Map<number, number> {
  const tops = new Map<number, number>();
  const pivot = cards.findIndex((c) => c.id === activeId);
  const start = pivot < 0 ? 0 : pivot;
  let floor = -Infinity;
  for (let i = start; i < cards.length; i += 1) {
    const card = cards[i]!;
    const top = i === pivot ? card.want : Math.max(card.want, floor);
    tops.set(card.id, top);
    floor = top + card.height + gap;
  }
  let ceiling = pivot < 0 ? Infinity : tops.get(cards[pivot]!.id)! - gap;
  for (let i = start - 1; i >= 0; i -= 1) {
    const card = cards[i]!;
    const top = Math.min(card.want, ceiling - card.height);
    tops.set(card.id, top);
    ceiling = top - gap;
  }
  return tops;
}
