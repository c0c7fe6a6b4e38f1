/**
 * Names of one kind (`region`: countries, `language`: languages) in any
 * locale, asked of `Intl.DisplayNames` (one formatter per locale, made when
 * a name is first asked for), unless a page gave them beforehand
 * (`remember`, see src/lib/page-names.ts), which costs the browser no
 * formatter while it starts.
 */
export interface RememberingDisplayNames {
  /** The name of `code` in `locale`: the remembered one, else Intl's, else `code` itself. */
  name(locale: string, code: string): string;
  /** Remembers names (code → name) to give in `locale`, beside those remembered before. */
  remember(locale: string, names: Readonly<Record<string, string>>): void;
}

/** Display names of one kind, kept per locale (see `RememberingDisplayNames`). */
export function rememberingDisplayNames(type: 'region' | 'language'): RememberingDisplayNames {
  const formatters = new Map<string, Intl.DisplayNames>();
  const remembered = new Map<string, ReadonlyMap<string, string>>();
  return {
    name(locale, code) {
      const given = remembered.get(locale)?.get(code);
      if (given !== undefined) return given;
      let names = formatters.get(locale);
      if (!names) {
        names = new Intl.DisplayNames([locale], { type, fallback: 'code' });
        formatters.set(locale, names);
      }
      try {
        return names.of(code) ?? code;
      } catch {
        return code;
      }
    },
    remember(locale, names) {
      remembered.set(locale, new Map([...(remembered.get(locale) ?? []), ...Object.entries(names)]));
    },
  };
}
