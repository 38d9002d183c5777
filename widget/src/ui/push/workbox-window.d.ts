// workbox-window's ES2015 build (1.3 KB gzipped; the package's `module` field points at its ES5 build, 2.2 KB), with
// the package's own types.
declare module 'workbox-window/build/workbox-window.prod.mjs' {
  export { Workbox } from 'workbox-window';
}
