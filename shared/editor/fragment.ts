/** Name of the `Y.XmlFragment` that holds a draft's text, on both ends of the wire. */
export const CONTENT_FRAGMENT = 'content';
