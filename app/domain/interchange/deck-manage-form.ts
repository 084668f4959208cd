/**
 * An instructor's own imported deck: rename it (the same title rule as at import) or delete it (a ticked
 * confirmation). Messages are i18n keys. Shared by browser (Conform) and server.
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
  intent: z.literal('delete'),
  confirm: z.literal('yes', { error: msg('errorDeckDeleteConfirm') }),
})

export const deckManageSchema = z.discriminatedUnion('intent', [renameDeckSchema, deleteDeckSchema])
