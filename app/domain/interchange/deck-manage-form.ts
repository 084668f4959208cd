/**
 * An instructor's own imported deck: rename it (the same title rule as at import) or delete it (posted from
 * its confirmation page, confirm=1). Messages are i18n keys. Shared by browser (Conform) and server.
 */
import { z } from 'zod'
import { msg } from '~/i18n/keys'

export const renameDeckSchema = z.object({
  intent: z.literal('rename'),
  title: z
    .string({ error: msg('errorImportTitle') })
    .trim()
    .min(1, msg('errorImportTitle'))
    .max(100, msg('errorImportTitle')),
})

export const deleteDeckSchema = z.object({
  confirm: z.literal('1', { error: msg('errorDeckDeleteConfirm') }),
})
