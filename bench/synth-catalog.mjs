// Deterministic synthetic catalog for the benchmark: writes a complete codebook project
// (codebook.config.json, locales/codes.json, locales/{en,ja,ko}/messages.json) with `codes`
// registry entries, shaped like the embedded Chat catalog: the same 18 sections (+ generic),
// a few negative codes and ranges, ~10% messages with parameters, ~2% plurals, an `unknown`
// key and ~3% of ja/ko messages missing. A seeded PRNG makes the bytes depend on `codes` only.
//
//   node bench/synth-catalog.mjs <dir> [--codes 10000]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The real catalog's sections with their code counts, used as weights. */
const SECTIONS = [
  ['sdk-general', 'sdk', 30, 'SDK: general', '一般エラーコード', '일반 오류 코드'],
  ['sdk-account', 'sdk', 12, 'SDK: account', 'アカウントのエラーコード', '계정 오류 코드'],
  ['sdk-message', 'sdk', 20, 'SDK: messages', 'メッセージのエラーコード', '메시지 오류 코드'],
  ['sdk-group', 'sdk', 15, 'SDK: groups', 'グループのエラーコード', '그룹 오류 코드'],
  ['sdk-relationship', 'sdk', 6, 'SDK: relationship chain', 'リレーションシップチェーンのエラーコード', '관계망 오류 코드'],
  ['sdk-network', 'sdk', 25, 'SDK: network', 'ネットワークのエラーコード', '네트워크 오류 코드'],
  ['server-access', 'server', 18, 'Server: access layer', 'アクセス層のエラーコード', '액세스 레이어 오류 코드'],
  ['server-resource', 'server', 9, 'Server: resource files', 'リソースファイルのエラーコード', '리소스 파일 오류 코드'],
  ['server-common', 'server', 24, 'Server: common backend', 'バックエンドの共通エラーコード', '일반적인 백엔드 오류 코드'],
  ['server-account', 'server', 23, 'Server: account', 'アカウントのエラーコード', '계정 오류 코드'],
  ['server-profile', 'server', 11, 'Server: profile', 'プロファイルのエラーコード', '프로필 오류 코드'],
  ['server-relationship', 'server', 22, 'Server: relationship chain', 'リレーションシップチェーンのエラーコード', '관계망 오류 코드'],
  ['server-recent-contacts', 'server', 12, 'Server: recent contacts', '最近連絡した人のエラーコード', '최근 대화 상대 오류 코드'],
  ['server-message', 'server', 59, 'Server: messages', 'メッセージのエラーコード', '메시지 오류 코드'],
  ['server-group', 'server', 51, 'Server: groups', 'グループのエラーコード', '그룹 오류 코드'],
  ['server-offline-push', 'server', 9, 'Server: offline push', 'オフラインプッシュエラーコード', '오프라인 푸시 오류 코드'],
  ['server-data', 'server', 5, 'Server: operations data', 'データ取得・操作のエラーコード', '운영 데이터 오류 코드'],
  ['sdk-v3', 'sdk-v3', 69, 'SDK V3', 'IM SDK V3バージョンのエラーコード', 'IM SDK V3 버전 오류 코드'],
];
/** Negative codes: [section, first code, count], as in the real access layer and offline push sections. */
const NEGATIVE = [
  ['server-access', -10001, 12],
  ['server-offline-push', -195, 8],
];
/** Sections that end with a reserved range of codes. */
const RANGED = ['server-relationship', 'server-message', 'server-group'];

// ---- vocabulary: [en, ja, ko] ----
const NOUNS = [
  ['account', 'アカウント', '계정'],
  ['message', 'メッセージ', '메시지'],
  ['group', 'グループ', '그룹'],
  ['user', 'ユーザー', '사용자'],
  ['request', 'リクエスト', '요청'],
  ['file', 'ファイル', '파일'],
  ['signature', '署名', '서명'],
  ['session', 'セッション', '세션'],
  ['user profile', 'プロファイル', '프로필'],
  ['friend list', '友達リスト', '친구 목록'],
  ['push certificate', 'プッシュ証明書', '푸시 인증서'],
  ['upload', 'アップロード', '업로드'],
  ['SDK instance', 'SDKインスタンス', 'SDK 인스턴스'],
  ['network connection', 'ネットワーク接続', '네트워크 연결'],
  ['server', 'サーバー', '서버'],
  ['callback address', 'コールバックアドレス', '콜백 주소'],
  ['group member list', 'グループメンバーリスト', '그룹 멤버 목록'],
  ['image', '画像', '이미지'],
  ['voice message', '音声メッセージ', '음성 메시지'],
  ['login ticket', 'ログインチケット', '로그인 티켓'],
  ['token', 'トークン', '토큰'],
  ['parameter', 'パラメータ', '매개변수'],
  ['permission', '権限', '권한'],
  ['conversation', '会話', '대화'],
  ['custom field', 'カスタムフィールド', '사용자 정의 필드'],
  ['topic', 'トピック', '토픽'],
];
// ko: %S = noun + 이/가, %O = noun + 을/를, %T = noun + 은/는, %N = bare noun
const PREDICATES = [
  ['is invalid', '%Nが無効です', '%S 유효하지 않습니다'],
  ['was not found', '%Nが見つかりません', '%O 찾을 수 없습니다'],
  ['has expired', '%Nの有効期限が切れています', '%N의 유효 기간이 만료되었습니다'],
  ['exceeds the allowed limit', '%Nが上限を超えています', '%S 허용 한도를 초과했습니다'],
  ['could not be verified', '%Nを検証できませんでした', '%O 확인할 수 없습니다'],
  ['is not allowed in this group', 'このグループでは%Nは許可されていません', '이 그룹에서는 %S 허용되지 않습니다'],
  ['was rejected by the server', '%Nがサーバーに拒否されました', '서버가 %O 거부했습니다'],
  ['is already in use', '%Nは既に使用されています', '%T 이미 사용 중입니다'],
  ['is too large', '%Nが大きすぎます', '%S 너무 큽니다'],
  ['timed out before the server replied', '%Nの処理がタイムアウトしました', '%N 처리 시간이 초과되었습니다'],
  ["can't be sent right now", '現在%Nを送信できません', '지금은 %O 보낼 수 없습니다'],
  ["doesn't match the logged-in user", '%Nがログイン中のユーザーと一致しません', '%S 로그인한 사용자와 일치하지 않습니다'],
  ['is being processed by another call', '%Nは別の呼び出しで処理中です', '%T 다른 호출에서 처리 중입니다'],
  ['was deleted by the administrator', '%Nは管理者によって削除されました', '%T 관리자에 의해 삭제되었습니다'],
];
const REASONS = [
  ['because the server is busy', 'サーバーが混雑しているため、', '서버가 혼잡하여 '],
  ['after too many attempts', '試行回数が多すぎるため、', '시도 횟수가 너무 많아 '],
  ['for this SDKAppID', 'このSDKAppIDでは', '이 SDKAppID에서는 '],
  ['during the last sync', '前回の同期中に', '마지막 동기화 중에 '],
];
const ADVICE = [
  ['Try again later.', 'しばらくしてから再試行してください。', '잠시 후 다시 시도하십시오.'],
  ['Log in again.', '再度ログインしてください。', '다시 로그인하십시오.'],
  ['Check the parameters and try again.', 'パラメータを確認して再試行してください。', '매개변수를 확인한 후 다시 시도하십시오.'],
  ['Contact the app administrator.', 'アプリの管理者に連絡してください。', '앱 관리자에게 문의하십시오.'],
  ['Update the SDK to the latest version.', 'SDKを最新バージョンに更新してください。', 'SDK를 최신 버전으로 업데이트하십시오.'],
  ['Check your network connection.', 'ネットワーク接続を確認してください。', '네트워크 연결을 확인하십시오.'],
  ['See the error details for the cause.', '原因はエラー情報を確認してください。', '원인은 오류 정보를 확인하십시오.'],
  ['Wait for the previous call to finish.', '前の呼び出しが完了するまで待ってください。', '이전 호출이 끝날 때까지 기다리십시오.'],
];
/** Parameters: name, type, example, [en, ja, ko] sentence using it. */
const PARAMS = [
  ['field', 'string', 'nickname', ['The field {field} is invalid.', 'フィールド{field}が無効です。', '{field} 필드가 유효하지 않습니다.']],
  ['limit', 'number', 500, ['The limit is {limit, number}.', '上限は{limit, number}です。', '한도는 {limit, number}입니다.']],
  ['userId', 'string', 'user_42', ['This applies to user {userId}.', '対象ユーザー:{userId}。', '대상 사용자: {userId}.']],
  ['groupId', 'string', '@TGS#1ABC', ['This applies to group {groupId}.', '対象グループ:{groupId}。', '대상 그룹: {groupId}.']],
  [
    'seconds',
    'number',
    30,
    [
      'Try again in {seconds, number} seconds.',
      '{seconds, number}秒後に再試行してください。',
      '{seconds, number}초 후에 다시 시도하십시오.',
    ],
  ],
  [
    'size',
    'number',
    20971520,
    ['The size was {size, number} bytes.', 'サイズは{size, number}バイトでした。', '크기는 {size, number}바이트였습니다.'],
  ],
];
/** Plural nouns: [singular, plural, ja, ko] and verbs: [singular, plural, ja, ko]. */
const COUNTED = [
  ['request', 'requests', 'リクエスト', '요청'],
  ['message', 'messages', 'メッセージ', '메시지'],
  ['member', 'members', 'メンバー', '멤버'],
  ['file', 'files', 'ファイル', '파일'],
  ['friend', 'friends', '友達', '친구'],
];
const COUNT_VERBS = [
  ['was rejected', 'were rejected', 'が拒否されました', '거부되었습니다'],
  ['failed', 'failed', 'が失敗しました', '실패했습니다'],
  ['could not be delivered', 'could not be delivered', 'が配信されませんでした', '전달되지 않았습니다'],
];

/** mulberry32: a small seeded PRNG, so the output depends on the seed only. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)] };
}

/** Korean particle after a noun: the first form after a final consonant (batchim), the second after a vowel. */
function particle(noun, withBatchim, withoutBatchim) {
  const c = noun.charCodeAt(noun.length - 1);
  const batchim = c >= 0xac00 && c <= 0xd7a3 ? (c - 0xac00) % 28 !== 0 : false;
  return noun + (batchim ? withBatchim : withoutBatchim);
}
const koFill = (pattern, noun) =>
  pattern
    .replace('%S', particle(noun, '이', '가'))
    .replace('%O', particle(noun, '을', '를'))
    .replace('%T', particle(noun, '은', '는'))
    .replace('%N', noun);

/** One message in en/ja/ko (similar visual length), with the given parameter sentences or plural. */
function messageTexts(rng, params, plural) {
  const noun = rng.pick(NOUNS);
  const pred = rng.pick(PREDICATES);
  const reason = rng.next() < 0.4 ? rng.pick(REASONS) : undefined;
  const en = [`The ${noun[0]} ${pred[0]}${reason ? ` ${reason[0]}` : ''}.`];
  const ja = [`${reason ? reason[1] : ''}${pred[1].replace('%N', noun[1])}。`];
  const ko = [`${reason ? reason[2] : ''}${koFill(pred[2], noun[2])}.`];
  if (plural) {
    const [sg, pl, jn, kn] = rng.pick(COUNTED);
    const [vs, vp, jv, kv] = rng.pick(COUNT_VERBS);
    en.unshift(`{count, plural, one {# ${sg} ${vs}} other {# ${pl} ${vp}}}.`);
    ja.unshift(`{count, plural, other {#件の${jn}${jv}}}。`);
    ko.unshift(`{count, plural, other {${kn} #개가 ${kv}}}.`);
  }
  for (const p of params) {
    en.push(p[3][0]);
    ja.push(p[3][1]);
    ko.push(p[3][2]);
  }
  const target = 60 + rng.int(61); // en length 60–120
  for (let tries = 0; tries < 8 && en.join(' ').length < target; tries++) {
    const advice = rng.pick(ADVICE);
    const length = en.join(' ').length;
    if (en.includes(advice[0]) || (length >= 60 && length + advice[0].length > 120)) continue;
    en.push(advice[0]);
    ja.push(advice[1]);
    ko.push(advice[2]);
  }
  return { en: en.join(' '), ja: ja.join(''), ko: ko.join(' ') };
}

/** Splits `total` over the weights (largest remainder), every part at least 1. */
function apportion(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map((x) => Math.max(1, Math.floor(x)));
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0, left = total - parts.reduce((a, b) => a + b, 0); left > 0; k++, left--) parts[order[k % order.length][1]]++;
  return parts;
}

/** Builds the catalog in memory: registry entries and per-locale messages, in catalog order. */
export function buildSyntheticCatalog({ codes }) {
  const negatives = NEGATIVE.reduce((a, n) => a + n[2], 0);
  const positive = codes - negatives - RANGED.length - 1;
  if (positive < SECTIONS.length) throw new Error(`synth-catalog: at least ${SECTIONS.length + negatives + RANGED.length + 1} codes`);
  const rng = prng(0xc0deb00c ^ codes);
  const block = 10 ** Math.max(4, Math.ceil(Math.log10(codes)) + 1); // each section owns [block*(i+1), block*(i+2))
  const counts = apportion(
    positive,
    SECTIONS.map((s) => s[2]),
  );
  const entries = []; // { key, code?|range?, section, params? }
  for (const [section, first, count] of NEGATIVE) {
    for (let i = 0, code = first; i < count; i++, code -= 1 + rng.int(3)) entries.push({ key: String(code), code, section });
  }
  SECTIONS.forEach(([section], i) => {
    let code = block * (i + 1) + 1;
    for (let n = 0; n < counts[i]; n++, code += 1 + (rng.next() < 0.3 ? 1 + rng.int(5) : 0))
      entries.push({ key: String(code), code, section });
    if (RANGED.includes(section)) {
      const from = code + 100;
      const range = [from, from + block / 10 - 1];
      entries.push({ key: `${range[0]}-${range[1]}`, range, section });
    }
  });
  entries.sort((a, b) => (a.code ?? a.range[0]) - (b.code ?? b.range[0]));

  const messages = { en: [], ja: [], ko: [] };
  for (const entry of entries) {
    const r = rng.next();
    const plural = r < 0.02;
    const params = [];
    if (plural) params.push(['count', 'plural', 3]);
    else if (r < 0.1) {
      const first = rng.int(PARAMS.length);
      params.push(PARAMS[first]);
      if (rng.next() < 0.25) params.push(PARAMS[(first + 1 + rng.int(PARAMS.length - 1)) % PARAMS.length]);
    }
    const texts = messageTexts(
      rng,
      params.filter((p) => p[0] !== 'count'),
      plural,
    );
    const cause = messageTexts(rng, [], false).en.split('. ')[0].replace(/^The /, '').replace(/\.$/, '');
    entry.description = `Returned when the ${cause}. Reported by the ${entry.section} service.`;
    if (params.length > 0) entry.params = Object.fromEntries(params.map(([name, type, example]) => [name, { type, example }]));
    messages.en.push([entry.key, texts.en]);
    for (const locale of ['ja', 'ko']) {
      const roll = rng.next();
      if (roll < 0.03) continue; // missing: apps fall back to en
      messages[locale].push([
        entry.key,
        roll < 0.07 ? { text: texts[locale], state: roll < 0.05 ? 'reviewed' : 'initial' } : texts[locale],
      ]);
    }
  }
  entries.push({
    key: 'unknown',
    section: 'generic',
    description: 'Shown for any code the catalog does not define; code is the number the app received.',
    params: { code: { type: 'number', example: 424242 } },
  });
  messages.en.push(['unknown', 'Unknown error (code {code}).']);
  messages.ja.push(['unknown', '不明なエラーです(コード: {code})。']);
  messages.ko.push(['unknown', '알 수 없는 오류입니다(코드: {code}).']);
  return { entries, messages };
}

/** JSON text with members in the given order (JSON.stringify would move integer-like keys first). */
function objectText(members, indent) {
  if (members.length === 0) return '{}';
  const pad = ' '.repeat(indent + 2);
  return `{\n${members.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v, null, 2).replace(/\n/g, `\n${pad}`)}`).join(',\n')}\n${' '.repeat(indent)}}`;
}

/** Writes the project into `dir`; returns { config: the config path, entries: the registry entries }. */
export function writeSyntheticCatalog(dir, { codes }) {
  const { entries, messages } = buildSyntheticCatalog({ codes });
  const root = resolve(dir);
  for (const locale of ['en', 'ja', 'ko']) mkdirSync(join(root, 'locales', locale), { recursive: true });
  const config = {
    sourceLocale: 'en',
    locales: ['en', 'ja', 'ko'],
    namespace: 'errors',
    layers: [
      { name: 'registry', files: ['locales/codes.json'] },
      { name: 'project', files: ['locales/*/messages.json'] },
    ],
    out: 'dist',
  };
  writeFileSync(join(root, 'codebook.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  const registry = {
    sections: [...SECTIONS.map(([id, part]) => ({ id, part })), { id: 'generic', part: 'generic' }],
    codes: entries.map(({ code, range, key, section, description, params }) => ({
      ...(code !== undefined ? { code } : range ? { range } : { key }),
      section,
      description,
      ...(params ? { params } : {}),
    })),
  };
  writeFileSync(join(root, 'locales/codes.json'), `${JSON.stringify(registry, null, 2)}\n`);
  const generic = { en: 'General', ja: '一般', ko: '일반' };
  ['en', 'ja', 'ko'].forEach((locale, l) => {
    const titles = [...SECTIONS.map((s) => [s[0], s[3 + l]]), ['generic', generic[locale]]];
    const text = `{\n  "locale": ${JSON.stringify(locale)},\n  "sections": ${objectText(titles, 2)},\n  "messages": ${objectText(messages[locale], 2)}\n}\n`;
    writeFileSync(join(root, 'locales', locale, 'messages.json'), text);
  });
  return { config: join(root, 'codebook.config.json'), entries };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, ...rest] = process.argv.slice(2);
  const at = rest.indexOf('--codes');
  if (!dir) {
    process.stderr.write('usage: node bench/synth-catalog.mjs <dir> [--codes 10000]\n');
    process.exit(2);
  }
  const codes = Number(at >= 0 ? rest[at + 1] : 10000);
  process.stdout.write(`${writeSyntheticCatalog(dir, { codes }).config}\n`);
}
