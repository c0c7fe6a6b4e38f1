/*
 * The page's entry script, and the only one the HTML names. A generated page
 * already holds its text, and its styles are inlined, so it can paint at once;
 * this waits for that first frame, then fetches and starts the app, and
 * preloads the map's code, styles and basemap beside it (the build names them
 * in `data-preload`, see build/first-paint-plugin.ts). On a slow phone the
 * reader sees the text before any app code competes with it for the network
 * or the processor.
 */
import './styles/app.css';
import './styles/sheet.css';
import './styles/map-picture.css';
import './styles/print.css';

let started = false;
function start(): void {
  if (started) return;
  started = true;
  const files = document.querySelector<HTMLScriptElement>('script[data-preload]')?.dataset.preload ?? '';
  for (const href of files.split(' ').filter(Boolean)) {
    const link = document.createElement('link');
    if (href.endsWith('.js')) link.rel = 'modulepreload';
    else {
      link.rel = 'preload';
      link.as = href.endsWith('.css') ? 'style' : 'fetch';
      // As Vite's own stylesheet link and the basemap's fetch() will ask, so the preload is used.
      link.crossOrigin = 'anonymous';
    }
    link.href = href;
    document.head.append(link);
  }
  void import('./main.tsx');
}

// Frames run only in a visible page; a background tab (or an iframe out of
// view) starts on the timer instead. The timer is long enough never to come
// before the first frame of a visible page: on a phone as slow as Lighthouse's
// (CPU 4×) that frame comes about 400 ms after the page is opened, and a
// start before it delays it.
if (document.visibilityState === 'visible') {
  requestAnimationFrame(() => {
    setTimeout(start, 0);
  });
}
setTimeout(start, 1000);
