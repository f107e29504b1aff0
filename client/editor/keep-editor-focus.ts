/**
 * Put on a button's mousedown: the press leaves the focus (and the selection) in the editor,
 * as Word's toolbar does. Were the button to take it, Tiptap's focus() would hand it back only
 * on the next animation frame, and a key pressed in between (Add row, then ↓ at once) would go
 * to the button and be lost. Keyboard users still reach the button with Tab.
 */
export const keepEditorFocus = (event: MouseEvent): void => event.preventDefault();
