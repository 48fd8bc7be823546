/**
 * The 18 stable section ids and how vendor headings map to them: by part
 * (1 = IM SDK, 2 = server, 3 = IM SDK V3) plus heading text, because the
 * account/message/group/relationship headings appear in both the SDK and the
 * server part. Headings compare with whitespace removed. SECTION_IDS is the
 * canonical section order.
 */

export const SECTION_IDS = [
  'sdk-general',
  'sdk-account',
  'sdk-message',
  'sdk-group',
  'sdk-relationship',
  'sdk-network',
  'server-access',
  'server-resource',
  'server-common',
  'server-account',
  'server-profile',
  'server-relationship',
  'server-recent-contacts',
  'server-message',
  'server-group',
  'server-offline-push',
  'server-data',
  'sdk-v3',
] as const;

export type SectionId = (typeof SECTION_IDS)[number];

/** The part's short name, used to build ids for headings this table does not know. */
export const PART_PREFIX: Record<number, string> = { 1: 'sdk', 2: 'server', 3: 'sdk-v3' };

/** Known vendor headings (ja, ko) per part. `null` is a table right under the part heading. */
const HEADINGS: Record<number, Array<[SectionId, Array<string | null>]>> = {
  1: [
    ['sdk-general', ['一般エラーコード', '일반 오류 코드']],
    ['sdk-account', ['アカウントのエラーコード', '계정 오류 코드']],
    ['sdk-message', ['メッセージのエラーコード', '메시지 오류 코드']],
    ['sdk-group', ['グループのエラーコード', '그룹 오류 코드']],
    ['sdk-relationship', ['リレーションシップチェーンのエラーコード', '관계망 오류 코드']],
    ['sdk-network', ['ネットワークのエラーコード', '네트워크 오류 코드']],
  ],
  2: [
    ['server-access', ['アクセス層のエラーコード', '액세스 레이어 오류 코드']],
    ['server-resource', ['リソースファイルのエラーコード', '리소스 파일 오류 코드']],
    ['server-common', ['バックエンドの共通エラーコード', '일반적인 백엔드 오류 코드']],
    ['server-account', ['アカウントのエラーコード', '계정 오류 코드']],
    ['server-profile', ['プロファイルのエラーコード', '프로필 오류 코드']],
    ['server-relationship', ['リレーションシップチェーンのエラーコード', '관계망 오류 코드']],
    ['server-recent-contacts', ['最近連絡した人のエラーコード', '최근 대화 상대 오류 코드']],
    ['server-message', ['メッセージのエラーコード', '메시지 오류 코드']],
    ['server-group', ['グループのエラーコード', '그룹 오류 코드']],
    ['server-offline-push', ['オフラインプッシュエラーコード', '오프라인 푸시 오류 코드']],
    ['server-data', ['データ取得・操作のエラーコード', '운영 데이터 오류 코드']],
  ],
  3: [['sdk-v3', [null]]],
};

function normalize(heading: string): string {
  return heading.replace(/\s+/gu, '');
}

/** The section id for a heading (or `null`: a table directly under the part heading); undefined when unknown. */
export function sectionIdFor(part: number, heading: string | null): SectionId | undefined {
  const wanted = heading === null ? null : normalize(heading);
  for (const [id, titles] of HEADINGS[part] ?? []) {
    if (titles.some((t) => (t === null ? wanted === null : wanted !== null && normalize(t) === wanted))) return id;
  }
  return undefined;
}

/** Orders section ids canonically; ids not in SECTION_IDS go last, in the order given. */
export function sectionRank(id: string): number {
  const at = (SECTION_IDS as readonly string[]).indexOf(id);
  return at < 0 ? SECTION_IDS.length : at;
}
