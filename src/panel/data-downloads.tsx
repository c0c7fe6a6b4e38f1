import { dataFilePath, rallyCsvFile, validatedGeoJsonFile } from '../lib/address.ts';
import type { Source } from '../lib/rally-schema.ts';
import { useT } from '../state/use-t.ts';
import { SourceLine } from './source-line.tsx';

/**
 * The data for readers and journalists: the validated GeoJSON and a CSV with
 * one row per rally (both written at build, see build/data-downloads.ts),
 * as plain download links that work without JavaScript, with the source and
 * what may be done with them.
 */
export function DataDownloads({ source }: { source: Source | null }) {
  const { t } = useT();
  const basePath = import.meta.env.BASE_URL;
  return (
    <section className="data-downloads" aria-labelledby="overview-data">
      <h2 id="overview-data" className="section-heading">
        {t('data.heading')}
      </h2>
      <ul className="data-links">
        <li>
          <a href={dataFilePath(rallyCsvFile, basePath)} download="rallies.csv" type="text/csv">
            CSV
          </a>{' '}
          <span className="data-note">{t('data.csvNote')}</span>
        </li>
        <li>
          <a href={dataFilePath(validatedGeoJsonFile, basePath)} download="rallies.geojson" type="application/geo+json">
            GeoJSON
          </a>{' '}
          <span className="data-note">{t('data.geojsonNote')}</span>
        </li>
      </ul>
      {source ? <SourceLine source={source} /> : null}
      <p className="data-reuse">{t('data.reuse')}</p>
    </section>
  );
}
