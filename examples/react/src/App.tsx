import { Suspense, useState, useTransition } from 'react';
import type { i18n as I18n } from 'i18next';
import { ErrorCard } from './ErrorCard';
import { isLocale, locales, type Locale } from './i18n';

const localeNames: Record<Locale, string> = { en: 'English', ja: '日本語', ko: '한국어', 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文' };

/** Integers only, negative codes included (-302). Anything else gets no lookup. */
function parseCode(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^-?\d{1,16}$/.test(trimmed)) return undefined;
  const code = Number(trimmed);
  return Number.isSafeInteger(code) ? code : undefined;
}

interface Props {
  i18n: I18n;
  initialLng: Locale;
  initialCode: string;
}

export function App({ i18n, initialLng, initialCode }: Props) {
  const [codeText, setCodeText] = useState(initialCode);
  const [lng, setLng] = useState(initialLng);
  // While a new locale's chunks load, the transition keeps the old texts on screen (dimmed)
  // instead of replacing them with the Suspense fallback.
  const [loading, startTransition] = useTransition();
  const code = parseCode(codeText);

  function pickLocale(next: string) {
    if (!isLocale(next)) return;
    setLng(next);
    startTransition(async () => {
      await i18n.changeLanguage(next);
    });
  }

  return (
    <main>
      <h1>codebook with React</h1>
      <p className="hint">
        What a user sees for an error code, and what support sees. Each locale's texts load the first time you pick it.
      </p>
      <form onSubmit={(event) => event.preventDefault()} autoComplete="off">
        <label>
          Code
          <input data-testid="code" inputMode="numeric" value={codeText} onChange={(event) => setCodeText(event.target.value)} />
        </label>
        <label>
          Locale
          <select data-testid="locale" value={lng} onChange={(event) => pickLocale(event.target.value)}>
            {locales.map((l) => (
              <option key={l} value={l}>
                {l} ({localeNames[l]})
              </option>
            ))}
          </select>
        </label>
      </form>
      {code === undefined ? (
        <p className="error" data-testid="error" role="alert">
          Enter a whole number, such as 6206 or -302.
        </p>
      ) : (
        // Shown only until the first locale's chunks are in.
        <Suspense fallback={<p data-testid="loading">Loading…</p>}>
          <ErrorCard key={code} code={code} loading={loading} />
        </Suspense>
      )}
    </main>
  );
}
