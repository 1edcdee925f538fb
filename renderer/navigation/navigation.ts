import { useSyncExternalStore } from 'react';

/** The workflow areas, one folder each under renderer/ (STYLE.md habit 3). */
export const AREAS = [
  'home',
  'directory',
  'inquiry',
  'cases',
  'messages',
  'pings',
  'sync',
  'identity',
  'onboarding',
  'settings',
  'training',
  'about',
] as const;
export type AreaName = (typeof AREAS)[number];

/** What every area component receives from the shell. */
export interface AreaProps {
  /** The sub-path of the route, e.g. an entry or case id. */
  param?: string;
}

export interface Route {
  area: AreaName;
  /** Optional sub-path, e.g. an entry id: #/directory/<id>. */
  param?: string;
}

function parseHash(hash: string): Route {
  const [areaPart = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  const area = (AREAS as readonly string[]).includes(areaPart) ? (areaPart as AreaName) : 'home';
  const param = rest.length ? decodeURIComponent(rest.join('/')) : undefined;
  return param ? { area, param } : { area };
}

/** Moves to an area (the hash keeps the place across reloads and makes Back work). */
export function navigate(area: AreaName, param?: string): void {
  window.location.hash = param ? `#/${area}/${encodeURIComponent(param)}` : `#/${area}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}
