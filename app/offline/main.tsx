/** Entry of the offline app (public offline.html, served by the service worker when there is no network). */
import { createRoot } from 'react-dom/client'
import '~/i18n/all'
import { OfflineApp } from './app'

createRoot(document.getElementById('offline-root')!).render(<OfflineApp />)
