/**
 * The keyboard and submit handling the comment and discussion composers share: Ctrl+Enter
 * (⌘+Enter) and the submit button send, Escape cancels when `canCancel` allows it and is kept
 * from the drawer around the composer, which would otherwise close too.
 */
export function composerForm(actions: {
  send: () => Promise<void>;
  cancel: () => void;
  canCancel?: () => boolean;
}): { onKey: (event: KeyboardEvent) => void; onSubmit: (event: SubmitEvent) => void } {
  return {
    onKey: (event) => {
      if (event.key === 'Escape' && (actions.canCancel?.() ?? true)) {
        event.stopPropagation();
        actions.cancel();
      } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void actions.send();
      }
    },
    onSubmit: (event) => {
      event.preventDefault();
      void actions.send();
    },
  };
}
