/**
 * Outgoing mail. There is no mail server here, so the default mailer writes the message to the server
 * log; a real one (SMTP, an API) implements the same interface and is chosen in `mailer()`.
 */
export interface Mailer {
  sendPasswordReset(to: string, link: string): Promise<void>
}

export const logMailer: Mailer = {
  async sendPasswordReset(to, link) {
    console.log(`[mail] password reset for ${to}: ${link}`)
  },
}

let current: Mailer = logMailer
export function mailer(): Mailer {
  return current
}
/** For tests (capture the link) and for wiring a real mailer at start-up. */
export function setMailer(m: Mailer): void {
  current = m
}
