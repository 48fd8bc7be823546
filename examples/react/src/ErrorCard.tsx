import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { detailNamespace, detailT, errorInfo, messageT, namespace } from '../../../dist/types/index.js';
import { actionsNamespace } from './i18n';

interface Props {
  code: number;
  /** True while another locale's chunks load; the texts shown are still the previous locale's. */
  loading: boolean;
}

/** One code for its two audiences: the user message and its action, and the details for support. */
export function ErrorCard({ code, loading }: Props) {
  // Suspends (the Suspense fallback shows) until the current locale's namespaces are loaded.
  const { t, i18n } = useTranslation([namespace, detailNamespace, actionsNamespace]);
  const [clicked, setClicked] = useState(false);
  const info = errorInfo(code);
  // The typed t of each generated namespace: a key outside the catalog does not compile.
  // `code` fills {{code}} in the "unknown" texts; the others ignore it.
  const message = messageT(t)(info.key, { code });
  const detail = detailT(t)(info.key, { code });
  // No button for "none". Typed by src/i18next.d.ts: an action without a label does not compile.
  const label = info.action === 'none' ? null : t(info.action, { ns: actionsNamespace });
  // The first locale of the fallback chain that has the detail (zh-Hant has none: zh-Hans's).
  const detailLng = i18n.languages.find((l) => i18n.getResource(l, detailNamespace, info.key) !== undefined) ?? i18n.language;

  return (
    <section data-testid="result" data-state={loading ? 'loading' : 'ready'} data-code={code} data-lng={i18n.language} aria-busy={loading}>
      <div className="notice" data-testid="notice">
        <p className="message" data-testid="message" lang={i18n.language}>
          {message}
        </p>
        {label !== null && (
          <button
            className="action"
            data-testid="action"
            data-action={info.action}
            lang={i18n.language}
            type="button"
            onClick={() => setClicked(true)}
          >
            {label}
          </button>
        )}
      </div>
      <p className="status" data-testid="status" role="status">
        {clicked ? `Clicked: the app would now do "${info.action}".` : ''}
      </p>
      <details data-testid="details">
        <summary>Details for support</summary>
        <dl>
          <dt>Detail</dt>
          <dd data-testid="detail" data-lng={detailLng} lang={detailLng}>
            {detail}
          </dd>
          <dt>Key</dt>
          <dd>
            <code data-testid="key">{info.key}</code>
          </dd>
          <dt>Action</dt>
          <dd>
            <code>{info.action}</code>
          </dd>
          <dt>Fault</dt>
          <dd>
            <code>{info.fault}</code>
          </dd>
          <dt>Detail from</dt>
          <dd data-testid="detail-from">
            {detailLng === i18n.language ? detailLng : `${detailLng} (${i18n.language} has none of its own)`}
          </dd>
        </dl>
      </details>
    </section>
  );
}
