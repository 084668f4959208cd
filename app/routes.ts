import { type RouteConfig, index, route } from '@react-router/dev/routes'

export default [
  index('routes/home.tsx'),
  route('decks/:deckId/study', 'routes/study.tsx'),
  route('quiz', 'routes/quiz.tsx'),
  route('quiz/:attemptId', 'routes/quiz-attempt.tsx'),
  route('quiz/:attemptId/result', 'routes/quiz-result.tsx'),
  route('settings', 'routes/settings.tsx'),
  route('language', 'routes/language.tsx'),
  route('healthz', 'routes/healthz.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
