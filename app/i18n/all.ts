/** Both dictionaries, for runtimes that serve every language: the server, tests, scripts and the offline app. */
import { en } from './en'
import { provideMessages } from './index'
import { zhHans } from './zh-Hans'

provideMessages('en', en)
provideMessages('zh-Hans', zhHans)
