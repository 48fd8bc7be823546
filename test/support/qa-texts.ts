/**
 * The texts of the warm review tests' small project (codes 1–6 in en, fr, ja), chosen so the QA
 * finds something in each group: 1 and 2 share an en text but not a fr one (duplicate-diverging),
 * ja 3 lacks its end punctuation, fr 6 and ja 5 are missing. Read only: copy before editing.
 */
export const QA_MESSAGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  en: {
    '1': 'Connection lost.',
    '2': 'Connection lost.',
    '3': 'File missing.',
    '4': 'Disk full.',
    '5': 'Token expired.',
    '6': 'Try later.',
  },
  fr: { '1': 'Connexion perdue.', '2': 'Connexion coupée.', '3': 'Fichier manquant.', '4': 'Disque plein.', '5': 'Jeton expiré.' },
  ja: { '1': '接続が切れました。', '2': '接続が切れました。', '3': 'ファイルがありません', '4': 'ディスクがいっぱいです。', '6': '後で' },
};
