// The web page's service worker (dist/web/sw.js): once the page has loaded over http(s) it keeps every file of the
// build — index.html, demo.js and each chunk loaded on demand (reader, writer, ExcelJS, sample) — in a cache named
// after the build, so the page opens and works with the network cut. webpack.config.js (OfflinePrecachePlugin)
// writes the build's file list and a hash of their contents in place of PRECACHE below; a new build is a new sw.js,
// whose new cache replaces the old one once no tab runs the old page (no skipWaiting: an old page must keep getting
// its own chunks, which a new build names alike). Written by hand: Workbox is not installed and the list is short.

export {};

/** Replaced in the built sw.js by { version, files } (webpack.config.js; the build fails when it cannot). */
declare const __ORDER_CLERK_PRECACHE__: { version: string; files: string[] };

// Service-worker types by hand: the "webworker" lib would clash with the DOM lib the rest of src/ is checked with.
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(r: Promise<Response>): void;
}
interface WorkerScope {
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
}

const PREFIX = 'order-clerk-web-';
const { version, files } = __ORDER_CLERK_PRECACHE__;
const worker = self as unknown as WorkerScope;
const CACHE = `${PREFIX}${version}`;

worker.addEventListener('install', (e) => {
  // addAll fails as a whole: a worker whose build cannot be cached entirely is not installed.
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(files.map((f) => new URL(f, worker.registration.scope).href))));
});

worker.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      // The page that registered the worker is served by it from now on (first install: no older page to disturb).
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET' || !req.url.startsWith(worker.registration.scope)) return;
  const navigate = req.mode === 'navigate';
  e.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // The page with any query (?today=…, ?lang=…) is the cached index.html; so is the scope's own address.
      const atScope = new URL(req.url).pathname === new URL(worker.registration.scope).pathname;
      const hit = navigate
        ? ((await cache.match(req, { ignoreSearch: true })) ??
          (atScope ? await cache.match(new URL('index.html', worker.registration.scope).href) : undefined))
        : await cache.match(req);
      return hit ?? fetch(req);
    }),
  );
});
