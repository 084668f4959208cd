/** CSV exports in either language (issue 14.13): `?lang`, else the viewer's language; English keeps the machine names. */
import { describe, expect, it } from 'vitest'
import { loader as exportLoader } from '~/routes/assignment-export'
import { loader as matrixLoader } from '~/routes/assignment-items-export'
import { createAssignment, createClass, signUp } from '../support/actors'
import { freshDatabase } from '../support/db'
import { args, getRequest } from '../support/routes'

async function headerOf(
  loader: (a: never) => Promise<Response>,
  url: string,
  cookie: string,
  params: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const res = await loader(await args(getRequest(url, cookie, headers), params))
  return (await res.text()).replace(/^\ufeff/, '').split('\r\n')[0]!
}

describe('CSV headers', () => {
  it('follow ?lang, else the viewer’s language, for the progress table and the item matrix', async () => {
    await freshDatabase()
    const teacher = await signUp('instructor')
    const classId = await createClass(teacher.cookie)
    const assignmentId = await createAssignment(teacher.cookie, classId)
    const params = { classId, assignmentId }
    const progress = `/classes/${classId}/assignments/${assignmentId}/export.csv`
    const english = await headerOf(exportLoader, progress, teacher.cookie, params)
    expect(english).toBe(
      '"student","email","items_started","items_total","due_now","predicted_recall_on_due_date","reviews_7d","minutes_7d","last_active","best_quiz_score","latest_quiz_score","quizzes_taken"',
    )
    const chinese = await headerOf(exportLoader, `${progress}?lang=zh-Hans`, teacher.cookie, params)
    expect(chinese).toBe(
      '"学生","电子邮箱","已开始条目数","条目总数","当前待复习","截止日预测记忆率","近7天复习次数","近7天学习分钟数","最近活动时间","测验最高分","最近测验得分","测验次数"',
    )
    // A viewer whose interface is Chinese gets Chinese headers by default, and English when asked.
    expect(await headerOf(exportLoader, progress, `${teacher.cookie}; sd_lang=zh-Hans`, params)).toBe(chinese)
    expect(await headerOf(exportLoader, `${progress}?lang=en`, `${teacher.cookie}; sd_lang=zh-Hans`, params)).toBe(english)
    // An unknown ?lang falls back to the viewer's language.
    expect(await headerOf(exportLoader, `${progress}?lang=fr`, `${teacher.cookie}; sd_lang=zh-Hans`, params)).toBe(chinese)
    const matrix = `/classes/${classId}/assignments/${assignmentId}/items.csv`
    expect(await headerOf(matrixLoader, `${matrix}?lang=zh-Hans`, teacher.cookie, params)).toMatch(/^"学生","电子邮箱","mh-/)
    expect(await headerOf(matrixLoader, matrix, teacher.cookie, params)).toMatch(/^"student","email","mh-/)
  })
})
