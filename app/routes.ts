import { type RouteConfig, index, route } from '@react-router/dev/routes'

export default [
  index('routes/home.tsx'),
  route('decks/:deckId/study', 'routes/study.tsx'),
  route('quiz', 'routes/quiz.tsx'),
  route('quiz/:attemptId', 'routes/quiz-attempt.tsx'),
  route('quiz/:attemptId/result', 'routes/quiz-result.tsx'),
  route('settings', 'routes/settings.tsx'),
  route('signup', 'routes/signup.tsx'),
  route('login', 'routes/login.tsx'),
  route('logout', 'routes/logout.tsx'),
  route('forgot-password', 'routes/forgot-password.tsx'),
  route('reset-password/:token', 'routes/reset-password.tsx'),
  route('account', 'routes/account.tsx'),
  route('classes', 'routes/classes.tsx'),
  route('classes/:classId', 'routes/class.tsx'),
  route('classes/:classId/assignments/:assignmentId', 'routes/assignment.tsx'),
  route('classes/:classId/assignments/:assignmentId/export.csv', 'routes/assignment-export.tsx'),
  route('join/:code', 'routes/join.tsx'),
  route('language', 'routes/language.tsx'),
  route('healthz', 'routes/healthz.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
