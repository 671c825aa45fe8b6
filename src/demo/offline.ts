// Offline use once loaded (issue 19, point 4): the built page registers its service worker (src/demo/serviceWorker.ts,
// dist/web/sw.js) when served over http(s). Browsers run service workers only in a secure context — https, or
// http://localhost / 127.0.0.1 — and never from file://; elsewhere the page works as before, online only. Development
// builds (`npm run demo`) register nothing, so webpack-dev-server's reloads are never answered from a stale cache.

export function registerOfflineWorker(): void {
  if (process.env.NODE_ENV !== 'production') return;
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  const register = () => {
    // Relative: the worker's scope is the folder the page is hosted in, under any path.
    navigator.serviceWorker.register('sw.js').catch((e: unknown) => {
      console.warn('Order Clerk: offline use not available:', e);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
