// The pages' words, from one JSON bundle per language (web/assets/i18n/<language>.json, every key in each: a test
// holds them to it). The language is the first of the browser's that the store speaks, else the store's own.
export const LANGUAGES = ['en', 'fr', 'de', 'es'];
let words = {};
let language = 'en';

/** The first of the browser's preferred languages among {@code offered}; else {@code fallback}. */
export function pickLanguage(offered, fallback) {
  const preferred = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language])
    .map(function (tag) { return String(tag || '').split('-')[0].toLowerCase(); });
  return preferred.find(function (tag) { return offered.indexOf(tag) >= 0; }) || fallback || 'en';
}

/** Loads {@code chosen}'s words and writes them into every element that names a key. */
export async function speak(chosen) {
  language = LANGUAGES.indexOf(chosen) >= 0 ? chosen : 'en';
  const response = await fetch('/assets/i18n/' + language + '.json', {credentials: 'same-origin'});
  words = await response.json();
  document.documentElement.lang = language;
  document.querySelectorAll('[data-i18n]').forEach(function (element) {
    element.textContent = t(element.getAttribute('data-i18n'));
  });
  document.querySelectorAll('[data-i18n-placeholder]').forEach(function (element) {
    element.placeholder = t(element.getAttribute('data-i18n-placeholder'));
  });
  return language;
}

export function currentLanguage() {
  return language;
}

/**
 * The sentence for {@code key}, with {@code {name}} filled from {@code values}. A key whose words are an object is
 * a plural: {@code values.count} picks "one" or "other" as the language's rules say.
 */
export function t(key, values) {
  let said = words[key];
  if (said && typeof said === 'object') {
    said = said[new Intl.PluralRules(language).select(Number(values && values.count))] || said.other;
  }
  if (typeof said !== 'string') { return key; }
  return said.replace(/\{(\w+)\}/g, function (all, name) {
    return values && values[name] !== undefined ? String(values[name]) : all;
  });
}

/** A wait as a person reads it: "45 seconds", "10 minutes", "2 heures"; rounded up. */
export function duration(seconds) {
  const total = Math.max(1, Math.ceil(Number(seconds) || 0));
  if (total < 90) { return t('duration.seconds', {count: total}); }
  const minutes = Math.ceil(total / 60);
  if (minutes < 90) { return t('duration.minutes', {count: minutes}); }
  return t('duration.hours', {count: Math.ceil(minutes / 60)});
}
