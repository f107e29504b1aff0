import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { defaultSelectionBuilder, yCursorPlugin } from '@tiptap/y-tiptap';
import type { WebsocketProvider } from 'y-websocket';
import { CARET_LABEL_MS, CaretLabels } from './caret-labels.ts';

interface RemoteCaretsOptions {
  provider: WebsocketProvider | null;
  /** The local user as published in awareness (the server rewrites it from the session anyway). */
  user: { id: number; name: string; color: string } | null;
  /** How long a name label stays after its caret moved. */
  labelMs: number;
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * Colleagues' carets and selections, and the local caret published for them: y-tiptap's
 * cursor plugin, wrapped here instead of through `@tiptap/extension-collaboration-caret`
 * because its `render` is not told which client a caret belongs to, and the name labels
 * (CaretLabels) show and fade per client.
 */
export const RemoteCarets = Extension.create<RemoteCaretsOptions>({
  name: 'remoteCarets',
  addOptions() {
    return { provider: null, user: null, labelMs: CARET_LABEL_MS };
  },
  addProseMirrorPlugins() {
    const { provider, user, labelMs } = this.options;
    if (provider === null) throw new Error('RemoteCarets needs the provider');
    const { awareness } = provider;
    const labels = new CaretLabels(awareness, labelMs);
    const safe = (u: { name?: unknown; color?: unknown }) => ({
      name: typeof u.name === 'string' ? u.name : '',
      color: typeof u.color === 'string' && HEX_COLOR.test(u.color) ? u.color : '#808080',
    });
    return [
      new Plugin({
        key: new PluginKey('remoteCaretLabels'),
        view(view) {
          if (user !== null) awareness.setLocalStateField('user', { ...user });
          labels.attach(view.dom);
          return { destroy: () => labels.detach() };
        },
      }),
      yCursorPlugin(awareness, {
        cursorBuilder: (u: { name?: unknown; color?: unknown }, clientId: number) =>
          labels.build(safe(u), clientId),
        selectionBuilder: (u: { name?: unknown; color?: unknown }) => defaultSelectionBuilder(safe(u)),
      }) as Plugin,
    ];
  },
});
