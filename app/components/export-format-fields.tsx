import { exportFormats } from '~/domain/interchange/export-formats'
import { exportLanguages } from '~/domain/interchange/kind-mapping'
import { useLang, useT } from '~/i18n/react'

/** The format and card-language choices of an export form (a deck's or a selection's). */
export function ExportFormatFields() {
  const t = useT()
  const lang = useLang()
  return (
    <>
      <div className="field">
        <label htmlFor="export-format">{t.exportFormat}</label>
        <select id="export-format" name="format" defaultValue="apkg" required>
          {exportFormats.map((f) => (
            <option key={f} value={f}>
              {t.exportFormatNames[f]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="export-lang">{t.exportLanguage}</label>
        <select id="export-lang" name="lang" defaultValue={lang === 'en' ? 'en' : 'zh'} required>
          {exportLanguages.map((l) => (
            <option key={l} value={l}>
              {t.exportLanguageNames[l]}
            </option>
          ))}
        </select>
      </div>
    </>
  )
}
