import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { isLocale, startI18n } from './i18n';
import './style.css';

// ?lng=ja&code=9508 opens the page on that locale and code.
const params = new URLSearchParams(location.search);
const asked = params.get('lng');
const lng = isLocale(asked) ? asked : 'en';
const i18n = startI18n(lng);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App i18n={i18n} initialLng={lng} initialCode={params.get('code') ?? '6206'} />
  </StrictMode>,
);
