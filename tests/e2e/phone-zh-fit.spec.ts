/**
 * Pages in Chinese on a 360 px phone that no other spec measures: the class join page (as a guest, as a student
 * and as the class's own instructor) and the verdict after Check for every kind of card (the back of a flip card).
 * Each fits: no sideways scroll, no word broken in two.
 */
import { expect, test, type Browser, type Page } from '@playwright/test'
import { signUp } from '../support/sign-up'
import { brokenWords, sidewaysScroll } from '../support/phone-fit'

const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true }
const ZH = { ...PHONE, locale: 'zh-CN' }

async function expectFits(page: Page, what: string) {
  expect(await sidewaysScroll(page), `${what}: no sideways scroll`).toBeLessThanOrEqual(0)
  expect(await brokenWords(page.getByRole('main')), `${what}: no word broken in two`).toEqual([])
}

async function switchToChinese(page: Page) {
  await page.getByRole('button', { name: 'Switch the interface to Chinese' }).tap()
  await expect(page.getByRole('navigation').getByRole('link', { name: '卡组' })).toBeVisible()
}

// A class name and an instructor's name as long as real ones get, in Latin script, so line breaking is tested.
const CLASS_NAME = "Japan's Indo-Pacific diplomacy 2025–26: Takaichi, Motegi and their counterparts"
const INSTRUCTOR = 'Prof. Alexandra Okonjo-Vanderbilt'

async function classJoinCode(browser: Browser, stamp: string) {
  const context = await browser.newContext(PHONE)
  const page = await context.newPage()
  await signUp(page, INSTRUCTOR, `zh-fit-teacher-${stamp}@example.org`, true)
  await page.goto('/classes')
  await page.getByLabel('Class name').fill(CLASS_NAME)
  await page.getByRole('button', { name: 'Create class' }).click()
  await expect(page.getByRole('heading', { level: 1, name: CLASS_NAME })).toBeVisible()
  const code = (await page.getByRole('definition').locator('code').innerText()).trim()
  return { code, instructor: page, close: () => context.close() }
}

test('the join page fits 360 px in Chinese: for a guest, a signed-in student and the class instructor', async ({ browser }) => {
  test.setTimeout(90_000)
  const { code, instructor, close } = await classJoinCode(browser, String(Date.now()))

  const guestContext = await browser.newContext(ZH)
  const guest = await guestContext.newPage()
  await guest.goto(`/join/${code}`)
  await expect(guest.getByRole('heading', { level: 1, name: '加入班级' })).toBeVisible()
  await expect(guest.getByRole('link', { name: '注册并加入' })).toBeVisible()
  await expect(guest.getByRole('link', { name: '已有账户：登录' })).toBeVisible()
  await expectFits(guest, 'join page, guest')
  await guestContext.close()

  const studentContext = await browser.newContext(PHONE)
  const student = await studentContext.newPage()
  await signUp(student, 'Mei Chen', `zh-fit-student-${Date.now()}@example.org`, false)
  await switchToChinese(student)
  await student.goto(`/join/${code}`)
  await expect(student.getByText(`加入“${CLASS_NAME}”（教师：${INSTRUCTOR}）？`)).toBeVisible()
  await expectFits(student, 'join page, student')
  await student.getByRole('button', { name: '加入', exact: true }).tap()
  await expect(student.getByText(`你已加入 ${CLASS_NAME}。`)).toBeVisible()
  await expectFits(student, 'home page after joining')
  await studentContext.close()

  // The instructor opening their own class's link is refused, in Chinese, on a page that still fits.
  await switchToChinese(instructor)
  await instructor.goto(`/join/${code}`)
  await instructor.getByRole('button', { name: '加入', exact: true }).tap()
  await expect(instructor.getByRole('alert')).toHaveText('这是你自己的班级。')
  await expectFits(instructor, 'join page, own class')
  await close()
})

/** A wrong (or at least unchecked) answer to each kind: the verdict then shows the most (expected answer, diff). */
const KINDS: { id: string; answer: (page: Page) => Promise<void> }[] = [
  { id: 'kd-typed-meeting-day', answer: (page) => page.getByLabel('你的答案').fill('29 October 2025') },
  { id: 'kd-choice-asean-chair', answer: (page) => page.getByRole('radio', { name: '加拿大' }).tap() },
  { id: 'kd-true-false-overnight', answer: (page) => page.getByRole('radio').last().tap() },
  { id: 'kd-cloze-summit-day', answer: (page) => page.getByLabel('你的答案').fill('大阪') },
  { id: 'kd-ordering-autumn-trips', answer: async () => {} },
  {
    id: 'kd-matching-roles',
    answer: async (page) => {
      for (const select of await page.getByRole('article').getByRole('combobox').all()) await select.selectOption({ index: 1 })
    },
  },
  { id: 'kd-attribution-rocket-start', answer: (page) => page.getByRole('radio').last().tap() },
  {
    id: 'kd-framing-pair-summit',
    answer: async (page) => {
      for (const select of await page.getByRole('article').getByRole('combobox').all()) await select.selectOption({ index: 1 })
    },
  },
]

test.describe('in Chinese at 360 px', () => {
  test.use(ZH)

  for (const kind of KINDS) {
    test(`the verdict after Check fits: ${kind.id}`, async ({ page }) => {
      await page.goto(`/decks/kinds/study?card=${kind.id}`)
      await expect(page.getByRole('button', { name: '核对' })).toBeVisible()
      await kind.answer(page)
      await page.getByRole('button', { name: '核对' }).tap()
      await expect(page.getByRole('region', { name: '结果', exact: true })).toBeVisible()
      await expectFits(page, kind.id)
    })
  }

  test('the back of a flip card fits', async ({ page }) => {
    await page.goto('/decks/all/study?card=mh-date-asean-summits-kuala-lumpur')
    await page.getByRole('link', { name: '显示答案' }).tap()
    await expect(page.getByRole('region', { name: '答案', exact: true })).toBeVisible()
    await expectFits(page, 'flip card')
  })
})
