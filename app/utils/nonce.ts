import { createContext, useContext } from 'react'

/** The per-request CSP nonce, set on the server render; the client never needs it (scripts are already in). */
export const NonceContext = createContext<string | undefined>(undefined)
export const useNonce = () => useContext(NonceContext)
