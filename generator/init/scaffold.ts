/**
 * `codebook init`: the files of a new project that generates on the first
 * try. A config whose `$schema` resolves into the installed package, a
 * registry with a titled `generic` section, one example code and the
 * `unknown` entry (with its `{code}`), and one messages file per locale.
 * Pure: names and texts in, files out; the command writes them.
 */
import { localeProblem } from '../config/load-config.js';

export interface ScaffoldOptions {
  /** BCP 47 tags; the first is the source locale. */
  locales: string[];
  /** The output folder, relative to the project. */
  out: string;
  /** codebook's schema folder relative to the project, forward slashes (`node_modules/codebook/schema`). */
  schemaDir: string;
}

/** Starter texts by language: the section title, the example message and the unknown message. */
const STARTERS: Record<string, [section: string, example: string, unknown: string]> = {
  en: ['General', 'Your session has ended. Please sign in again.', 'Something went wrong (error {code}). Please try again later.'],
  de: [
    'Allgemein',
    'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    'Etwas ist schiefgelaufen (Fehler {code}). Bitte versuchen Sie es später erneut.',
  ],
  fr: [
    'Général',
    'Votre session a expiré. Veuillez vous reconnecter.',
    'Un problème est survenu (erreur {code}). Veuillez réessayer plus tard.',
  ],
  es: ['General', 'Tu sesión ha caducado. Vuelve a iniciar sesión.', 'Algo salió mal (error {code}). Vuelve a intentarlo más tarde.'],
  ja: [
    '一般',
    'ログインの有効期限が切れました。もう一度ログインしてください。',
    '問題が発生しました（エラー {code}）。しばらくしてからもう一度お試しください。',
  ],
  ko: ['일반', '로그인이 만료되었어요. 다시 로그인해 주세요.', '문제가 발생했어요(오류 {code}). 잠시 후 다시 시도해 주세요.'],
  'zh-Hans': ['通用', '登录已过期，请重新登录。', '出现问题（错误 {code}），请稍后再试。'],
  'zh-Hant': ['一般', '登入狀態已過期，請重新登入。', '發生問題（錯誤 {code}），請稍後再試一次。'],
};

/** Problems with the options (a locale that is not a canonical BCP 47 tag, a repeated one), or []. */
export function scaffoldProblems(options: ScaffoldOptions): string[] {
  const problems = options.locales.flatMap((l) => localeProblem(l) ?? []);
  if (options.locales.length === 0) problems.push('Name at least one locale: --locales en,de.');
  if (new Set(options.locales).size !== options.locales.length) problems.push(`A locale is listed twice: ${options.locales.join(', ')}.`);
  return problems;
}

/** The project's files, by path relative to the project folder. */
export function scaffold(options: ScaffoldOptions): Map<string, string> {
  const [source] = options.locales;
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const files = new Map<string, string>();
  files.set(
    'codebook.config.json',
    json({
      $schema: `${options.schemaDir.startsWith('.') ? '' : './'}${options.schemaDir}/config.schema.json`,
      sourceLocale: source,
      locales: options.locales,
      layers: [
        { name: 'registry', files: ['locales/codes.json'] },
        { name: 'messages', files: ['locales/*/messages.json'] },
      ],
      out: options.out,
    }),
  );
  files.set(
    'locales/codes.json',
    json({
      $schema: `../${options.schemaDir}/registry.schema.json`,
      sections: [{ id: 'generic' }],
      codes: [
        { code: 1001, section: 'generic', description: 'An example: replace it with your own codes.' },
        {
          key: 'unknown',
          section: 'generic',
          description: 'Shown for any code the catalog does not define; {code} is the number the app received.',
          params: { code: { type: 'number' } },
        },
      ],
    }),
  );
  for (const locale of options.locales) {
    const starter = STARTERS[locale] ?? STARTERS[new Intl.Locale(locale).language];
    // A language without a starter gets the English texts, marked for translation.
    const [section, example, unknown] = starter ?? STARTERS.en!;
    const text = (t: string) => (starter ? t : { text: t, state: 'initial', note: 'English starter text: translate it.' });
    files.set(
      `locales/${locale}/messages.json`,
      json({
        $schema: `../../${options.schemaDir}/messages.schema.json`,
        locale,
        sections: { generic: section },
        messages: { '1001': text(example), unknown: text(unknown) },
      }),
    );
  }
  return files;
}

/** Starting points `init --from` offers, by name: the package path a config extends. */
export const BASES: Record<string, string> = { chat: 'codebook/chat' };

export interface BaseScaffoldOptions extends Omit<ScaffoldOptions, 'locales'> {
  /** A key of BASES. */
  from: string;
  /** The locales to keep, the source locale first; the base's own when absent. */
  locales?: string[];
  /** The base's locales, for the app files when `locales` is absent. */
  baseLocales: string[];
}

/**
 * A project on top of a base: a config that extends it and adds an `app`
 * layer, and one empty app file per locale, where the app's own texts and
 * overrides go (`userOverrides` replaces the message users see for a key).
 */
export function scaffoldFromBase(options: BaseScaffoldOptions): Map<string, string> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const files = new Map<string, string>();
  files.set(
    'codebook.config.json',
    json({
      $schema: `${options.schemaDir.startsWith('.') ? '' : './'}${options.schemaDir}/config.schema.json`,
      extends: BASES[options.from],
      ...(options.locales ? { sourceLocale: options.locales[0], locales: options.locales } : {}),
      layers: [{ name: 'app', files: ['locales/*/app.json'] }],
      out: options.out,
    }),
  );
  for (const locale of options.locales ?? options.baseLocales) {
    files.set(
      `locales/${locale}/app.json`,
      json({ $schema: `../../${options.schemaDir}/messages.schema.json`, locale, messages: {}, userOverrides: {} }),
    );
  }
  return files;
}
