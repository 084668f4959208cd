import { newLearner } from '../support/app-server'
import { measureReviews } from './review-throughput'
import { loadContentFromDisk } from '~/utils/content-files.server'
import { matchesDeckFilter } from '~/domain/content/bundle'
const { bundle } = loadContentFromDisk()
const deck = bundle.decks.find((d) => d.id === 'timeline')!
const itemIds = bundle.items.filter((i) => matchesDeckFilter(i, deck.filter)).map((i) => i.id)
const url = 'http://127.0.0.1:3601'
const cookies = await Promise.all(Array.from({ length: 50 }, () => newLearner(url, 'timeline')))
console.log(await measureReviews({ url, path: '/decks/timeline/study', cookies, itemIds, connections: 50, seconds: 6 }))
