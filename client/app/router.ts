/** The pages of the app, with their parameters. */
export type Route =
  | { name: 'home' }
  | { name: 'sign-in' }
  | { name: 'draft'; draftId: string; panel?: 'versions' | 'header' | 'discussions' }
  | { name: 'rounds'; draftId: string; roundId?: number }
  | { name: 'revision-log'; draftId: string; roundId: number }
  | { name: 'answers'; draftId: string }
  | { name: 'admin' }
  | { name: 'not-found' };

/** The route for a path. */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  if (pathname === '/sign-in') return { name: 'sign-in' };
  if (pathname === '/admin') return { name: 'admin' };
  const log = /^\/drafts\/([A-Za-z0-9_-]{1,64})\/rounds\/(\d{1,9})\/log\/?$/.exec(pathname);
  if (log !== null) return { name: 'revision-log', draftId: log[1]!, roundId: Number(log[2]) };
  const rounds = /^\/drafts\/([A-Za-z0-9_-]{1,64})\/rounds(?:\/(\d{1,9}))?\/?$/.exec(pathname);
  if (rounds !== null)
    return rounds[2] === undefined
      ? { name: 'rounds', draftId: rounds[1]! }
      : { name: 'rounds', draftId: rounds[1]!, roundId: Number(rounds[2]) };
  const answers = /^\/drafts\/([A-Za-z0-9_-]{1,64})\/answers\/?$/.exec(pathname);
  if (answers !== null) return { name: 'answers', draftId: answers[1]! };
  const draft = /^\/drafts\/([A-Za-z0-9_-]{1,64})(?:\/(versions|header|discussions))?\/?$/.exec(pathname);
  if (draft !== null)
    return draft[2] === undefined
      ? { name: 'draft', draftId: draft[1]! }
      : { name: 'draft', draftId: draft[1]!, panel: draft[2] as 'versions' | 'header' | 'discussions' };
  return { name: 'not-found' };
}

/** The path of a route. */
export function routePath(route: Route): string {
  switch (route.name) {
    case 'home':
      return '/';
    case 'sign-in':
      return '/sign-in';
    case 'draft':
      return `/drafts/${route.draftId}${route.panel === undefined ? '' : `/${route.panel}`}`;
    case 'rounds':
      return `/drafts/${route.draftId}/rounds${route.roundId === undefined ? '' : `/${route.roundId}`}`;
    case 'revision-log':
      return `/drafts/${route.draftId}/rounds/${route.roundId}/log`;
    case 'answers':
      return `/drafts/${route.draftId}/answers`;
    case 'admin':
      return '/admin';
    case 'not-found':
      return '/404';
  }
}

/** Fired on `window` whenever the route changes (links, back/forward, `navigate`). */
export class RouteChangedEvent extends Event {
  static readonly type = 'vk-route-changed';

  constructor(readonly route: Route) {
    super(RouteChangedEvent.type);
  }
}

/** Goes to a path without reloading the page. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace === true) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new RouteChangedEvent(parseRoute(location.pathname)));
}

/** Makes same-origin `<a href>` clicks and back/forward navigate in place. Call once. */
export function startRouter(): void {
  window.addEventListener('popstate', () =>
    window.dispatchEvent(new RouteChangedEvent(parseRoute(location.pathname))),
  );
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    const anchor = event
      .composedPath()
      .find((el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement);
    if (
      anchor === undefined ||
      anchor.origin !== location.origin ||
      anchor.target !== '' ||
      anchor.hasAttribute('download')
    )
      return;
    event.preventDefault();
    navigate(anchor.pathname);
  });
}
