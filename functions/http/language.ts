import type { Language } from '../../schemas/primitives';

/** Picks lv or en from Accept-Language by quality; Latvian unless English is preferred. */
export const negotiateLanguage = (acceptLanguage: string | undefined): Language => {
  if (!acceptLanguage) return 'lv';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { primary: tag.split('-')[0], quality: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ primary, quality }) => (primary === 'lv' || primary === 'en') && quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked[0]?.primary === 'en' ? 'en' : 'lv';
};
