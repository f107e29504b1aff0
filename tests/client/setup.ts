import { afterEach } from 'vitest';

// Every test mounts into a clean page: elements (and their open dialogs) go with the body.
afterEach(() => document.body.replaceChildren());
