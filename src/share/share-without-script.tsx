import { useId } from 'react';
import { absoluteRouteUrl, embedScriptUrl, type Route } from '../lib/address.ts';
import { embedCode } from '../lib/embed-code.ts';
import { shareLinks } from '../lib/share-links.ts';
import { siteRoot } from '../state/url-sync.ts';
import { useT } from '../state/use-t.ts';
import { CampaignToolLinks, type ShareTools } from './campaign-tool-links.tsx';

/**
 * The share options as plain links and text, for readers without JavaScript:
 * the page's address, links to share on other services, and the embed code in
 * a read-only text area, inside a `<details>`. Shown only when scripts are off
 * (the `without-script` class, see index.html); with scripts the Share menu
 * (share-menu.tsx) takes its place. The addresses use `SITE_URL`, or this
 * page's own origin, as the menu does; where the two could differ (a local
 * build opened at another address) the page's own text is kept. Every
 * address is the page's language version (`/ru/city/london/`).
 */
export function ShareWithoutScript({
  route,
  text,
  title,
  tools = {},
}: {
  route: Route;
  text: string;
  title: string;
  /** The page's image downloads and poster, as plain links. */
  tools?: ShareTools;
}) {
  const { t, language } = useT();
  const codeId = useId();
  const site = siteRoot();
  const url = absoluteRouteUrl(route, site, 'site', language);
  const code = embedCode({
    embedUrl: absoluteRouteUrl(route, site, 'embed', language),
    scriptUrl: embedScriptUrl(site),
    title: `Map: ${title}`,
    mode: { kind: 'responsive' },
  });
  return (
    <details className="share-static without-script">
      <summary>{t('share.button')}</summary>
      <div className="share-static-body">
        <p className="share-heading">{t('share.menuLabel')}</p>
        <p>
          <a href={url} suppressHydrationWarning>
            {url}
          </a>
        </p>
        <p className="share-heading">{t('share.shareOn')}</p>
        <ul className="share-links">
          {shareLinks({ url, text }).map((link) => (
            <li key={link.id}>
              <a href={link.href} target="_blank" rel="noopener noreferrer" suppressHydrationWarning>
                {link.id === 'email' ? t('share.email') : link.label}
              </a>
            </li>
          ))}
        </ul>
        <CampaignToolLinks tools={tools} />
        <label className="share-heading" htmlFor={codeId}>
          {t('embed.heading')}
        </label>
        <textarea id={codeId} className="embed-code" readOnly rows={5} defaultValue={code} suppressHydrationWarning />
      </div>
    </details>
  );
}
