import { describe, expect, it } from 'vitest'
import { checkMultipart, checkUrlEncoded, FORM_LIMITS } from '~/utils/form-limits.server'

const part = (name: string, value: string) => `--B\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`

describe('form limits', () => {
  it('accepts our forms', () => {
    expect(checkUrlEncoded('email=a%40b.org&password=x&next=%2F')).toEqual({ ok: true })
    expect(checkUrlEncoded('')).toEqual({ ok: true })
    expect(checkMultipart('multipart/form-data; boundary=B', part('lang', 'en') + part('redirectTo', '/') + '--B--\r\n')).toEqual({
      ok: true,
    })
  })

  it('refuses too many fields before decoding them, and repeated, long, deep or prototype names', () => {
    expect(checkUrlEncoded(Array.from({ length: 40_000 }, () => 'x=').join('&'))).toMatchObject({ ok: false, status: 400 })
    expect(checkUrlEncoded(Array.from({ length: FORM_LIMITS.maxFields + 1 }, (_, i) => `f${i}=1`).join('&'))).toMatchObject({
      ok: false,
      status: 400,
    })
    expect(checkUrlEncoded(Array.from({ length: FORM_LIMITS.maxRepeats + 1 }, () => 'x=1').join('&'))).toMatchObject({
      ok: false,
      status: 400,
    })
    expect(checkUrlEncoded(`${'n'.repeat(101)}=1`)).toMatchObject({ ok: false, status: 400 })
    expect(checkUrlEncoded('a[b][c][d][e]=1')).toMatchObject({ ok: false, status: 400 })
    expect(checkUrlEncoded('__proto__.x=1')).toMatchObject({ ok: false, status: 400 })
  })

  it('refuses broken multipart and file uploads', () => {
    expect(checkMultipart('multipart/form-data', part('a', '1') + '--B--\r\n')).toMatchObject({ ok: false, status: 400 })
    expect(checkMultipart('multipart/form-data; boundary=B', part('a', '1'))).toMatchObject({ ok: false, status: 400 })
    expect(checkMultipart('multipart/form-data; boundary=B', '--B\r\nContent-Type: text/plain\r\n\r\nx\r\n--B--\r\n')).toMatchObject({
      ok: false,
      status: 400,
    })
    expect(
      checkMultipart(
        'multipart/form-data; boundary=B',
        '--B\r\nContent-Disposition: form-data; name="f"; filename="a"\r\n\r\nx\r\n--B--\r\n',
      ),
    ).toMatchObject({ ok: false, status: 415 })
  })

  it('takes a file only where asked (the deck import), still checking the structure', () => {
    const withFile = '--B\r\nContent-Disposition: form-data; name="f"; filename="a.apkg"\r\n\r\nPK\u0003\u0004\u00ff\r\n--B--\r\n'
    expect(checkMultipart('multipart/form-data; boundary=B', withFile, { allowFiles: true })).toEqual({ ok: true })
    expect(checkMultipart('multipart/form-data; boundary=B', withFile.replace('--B--', '--C--'), { allowFiles: true })).toMatchObject({
      ok: false,
      status: 400,
    })
  })
})
