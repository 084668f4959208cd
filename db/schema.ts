/**
 * Sourcedeck's tables. Times are integer milliseconds since the epoch (UTC); the learner's time zone lives in
 * user_settings and is applied in code. The review log is the truth; card_states is a cache that replaying
 * the log rebuilds exactly (app/domain/scheduling.ts → rebuildCardStates).
 */
import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { ContentItem, DeckDef } from '../app/domain/content/schema'
import type { StoredCard } from '../app/domain/scheduling'
import type { AnswerMeaning } from '../app/domain/kinds/kind'
import type { FlipQuizForm } from '../app/domain/quiz'

export type { StoredCard }

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    /** 'guest' until an account claims it: signing up upgrades this same row, so progress needs no copying. */
    kind: text('kind', { enum: ['guest', 'account'] })
      .notNull()
      .default('guest'),
    email: text('email'),
    displayName: text('display_name'),
    /** scrypt, self-describing: "scrypt$N$r$p$salt$hash" (app/utils/password.server.ts). */
    passwordHash: text('password_hash'),
    role: text('role', { enum: ['student', 'instructor'] })
      .notNull()
      .default('student'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
)

/** One-time password-reset links: only the token's hash is stored; used or expired ones are refused. */
export const passwordResets = sqliteTable('password_resets', {
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
})

/**
 * Attempts per key (e.g. sign-in for an e-mail, reset requests from a client address) in the current window,
 * counted atomically before the work they ask for (app/utils/throttle.server.ts); too many slow the next ones down.
 */
export const signInFailures = sqliteTable('sign_in_failures', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  failures: integer('failures').notNull(),
  /** The earliest time the next attempt for this key is accepted. */
  nextAt: integer('next_at').notNull().default(0),
})

export const classes = sqliteTable(
  'classes',
  {
    id: text('id').primaryKey(),
    instructorId: text('instructor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Short code students type or follow as a link to join. */
    joinCode: text('join_code').notNull(),
    createdAt: integer('created_at').notNull(),
    archivedAt: integer('archived_at'),
  },
  (t) => [uniqueIndex('classes_join_code').on(t.joinCode), index('classes_instructor').on(t.instructorId)],
)

export const classMembers = sqliteTable(
  'class_members',
  {
    classId: text('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: integer('joined_at').notNull(),
    removedAt: integer('removed_at'),
  },
  (t) => [primaryKey({ columns: [t.classId, t.userId] }), index('class_members_user').on(t.userId)],
)

export const assignments = sqliteTable(
  'assignments',
  {
    id: text('id').primaryKey(),
    classId: text('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** What is assigned: a deck, or a filter over items (kept for display; the items are fixed below). */
    scope: text('scope', { mode: 'json' }).$type<AssignmentScope>().notNull(),
    dueAt: integer('due_at').notNull(),
    goal: text('goal', { enum: ['memory', 'quiz'] }).notNull(),
    /** Memory goal: the predicted recall (FSRS retrievability) of the assigned items on the due date. */
    targetRecall: real('target_recall').notNull().default(0.85),
    /** Quiz goal: the share of a quiz on the assigned items to answer correctly. */
    targetScore: real('target_score'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('assignments_class').on(t.classId, t.dueAt)],
)

export interface AssignmentScope {
  deckId?: string
  sources?: string[]
  categories?: string[]
  tags?: string[]
}

/** The items of an assignment, fixed when it is created (a later content change does not move the goal). */
export const assignmentItems = sqliteTable(
  'assignment_items',
  {
    assignmentId: text('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.itemId] }), index('assignment_items_item').on(t.itemId)],
)

/** The cookie holds a random token; we store only its SHA-256, so a database leak reveals no live session. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    /** The absolute end of the session (its lifetime from sign-in; app/utils/session.server.ts). */
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
    /** Last request seen (updated at most every few minutes): a session idle for too long ends. */
    lastSeenAt: integer('last_seen_at'),
  },
  (t) => [index('sessions_user').on(t.userId)],
)

export const userSettings = sqliteTable('user_settings', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  desiredRetention: real('desired_retention').notNull().default(0.9),
  newPerDay: integer('new_per_day').notNull().default(20),
  maxReviewsPerDay: integer('max_reviews_per_day').notNull().default(200),
  uiLanguage: text('ui_language', { enum: ['en', 'zh-Hans'] }),
  cardLanguage: text('card_language', { enum: ['en', 'zh', 'both'] })
    .notNull()
    .default('both'),
  timeZone: text('time_zone').notNull().default('UTC'),
  /** A card failed this many times is a leech: tagged and suspended (again every half as many lapses more). */
  leechThreshold: integer('leech_threshold').notNull().default(8),
})

export const decks = sqliteTable(
  'decks',
  {
    id: text('id').primaryKey(),
    position: integer('position').notNull(),
    /** The deck definition from content/decks.yaml (title, description, filter) as JSON. */
    data: text('data', { mode: 'json' }).$type<DeckDef>().notNull(),
    retiredAt: integer('retired_at'),
    /**
     * Null: a built-in deck from content/decks.yaml. Set: an instructor's private deck of imported items
     * (app/data/imported-decks.server.ts), seen only by its owner and the students of classes it is assigned to.
     */
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at'),
  },
  (t) => [index('decks_owner').on(t.ownerId)],
)

export const items = sqliteTable(
  'items',
  {
    /** The content's stable id: progress is keyed by it forever. */
    id: text('id').primaryKey(),
    bank: text('bank').notNull(),
    kind: text('kind').notNull(),
    category: text('category').notNull(),
    /** Introduction order for new cards (bank file order). */
    position: integer('position').notNull(),
    /** The whole validated item as JSON: prompt, answer, explanation, sources… */
    data: text('data', { mode: 'json' }).$type<ContentItem>().notNull(),
    contentHash: text('content_hash').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** Set when an item leaves the content files; history stays, the item stops being introduced. */
    retiredAt: integer('retired_at'),
    /** The private deck an imported item belongs to (null: a content item). Content loading never touches these. */
    privateDeckId: text('private_deck_id'),
  },
  (t) => [index('items_private_deck').on(t.privateDeckId)],
)

export const deckItems = sqliteTable(
  'deck_items',
  {
    deckId: text('deck_id')
      .notNull()
      .references(() => decks.id, { onDelete: 'cascade' }),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.deckId, t.itemId] }), index('deck_items_order').on(t.deckId, t.position)],
)

/** Every ts-fsrs Card field, per (user, item). A cache of the log. */
const cardFields = {
  due: integer('due').notNull(),
  stability: real('stability').notNull(),
  difficulty: real('difficulty').notNull(),
  elapsedDays: integer('elapsed_days').notNull(),
  scheduledDays: integer('scheduled_days').notNull(),
  learningSteps: integer('learning_steps').notNull(),
  reps: integer('reps').notNull(),
  lapses: integer('lapses').notNull(),
  state: integer('state').notNull(),
  lastReview: integer('last_review'),
}

export const cardStates = sqliteTable(
  'card_states',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    ...cardFields,
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.itemId] }),
    // Serves "learning due now", "reviews by due time" and due counts: user, then state, then due.
    index('card_states_queue').on(t.userId, t.state, t.due),
  ],
)

/** Append-only: one row per answer. Undo marks a row undone (never deletes), so nothing is lost. */
export const reviewLogs = sqliteTable(
  'review_logs',
  {
    /** Generated before the answer is sent, so a retried or double-tapped answer is recognised. */
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    rating: integer('rating').notNull(),
    reviewedAt: integer('reviewed_at').notNull(),
    durationMs: integer('duration_ms').notNull(),
    /** The desired retention in force, so a replay schedules exactly as the original answer did. */
    retention: real('retention').notNull(),
    undoneAt: integer('undone_at'),
    /** What the learner answered (interactive kinds) and whether it was right: instructors read these. */
    response: text('response'),
    /** What the response meant (option text, order given …), fixed when it was graded: app/domain/kinds/kind.ts. */
    responseMeaning: text('response_meaning', { mode: 'json' }).$type<AnswerMeaning>(),
    correct: integer('correct', { mode: 'boolean' }),
    /** The card as it was before this answer (a new card: the empty card at reviewedAt). */
    before: text('before', { mode: 'json' }).$type<StoredCard>().notNull(),
    /** The learner's study day when answered (YYYY-MM-DD, rolling over at 04:00 in their time zone then). */
    studyDay: text('study_day'),
    /** The FSRS parameter set (fsrs_parameters.id) that scheduled this answer; null: the defaults. Replays use it. */
    parametersId: text('parameters_id'),
  },
  (t) => [
    // Covers "reviews and time in the last 7 days on the assignment's items" (instructor dashboard): the
    // extra columns spare a read of each log row.
    index('review_logs_user_time').on(t.userId, t.reviewedAt, t.itemId, t.durationMs, t.undoneAt),
    index('review_logs_user_item').on(t.userId, t.itemId, t.reviewedAt),
    // Only wrong typed answers: the dashboard's "commonest wrong answers" reads these, not the whole log.
    index('review_logs_wrong')
      .on(t.itemId, t.responseMeaning, t.userId)
      .where(sql`correct = 0 and response is not null and undone_at is null`),
  ],
)

/**
 * Answers and right answers per (learner, item): a cache of the log kept in the same atomic batch as each
 * answer and undo, so the dashboard sums 60k rows rather than scanning millions of log rows.
 */
export const answerCounts = sqliteTable(
  'answer_counts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    answers: integer('answers').notNull(),
    correct: integer('correct').notNull(),
    /** Time spent on these answers, and whether the first (earliest live) answer was right: item analysis reads these. */
    durationMs: integer('duration_ms').notNull().default(0),
    firstCorrect: integer('first_correct'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.itemId] }), index('answer_counts_item').on(t.itemId)],
)

/**
 * Per learner and study day: answers, time, and answers on cards in review with how many passed. A cache
 * of the log (kept in the same atomic batch as each answer and undo) so statistics over a year read at most
 * 366 rows, not millions of log rows.
 */
export const studyDays = sqliteTable(
  'study_days',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    answers: integer('answers').notNull(),
    durationMs: integer('duration_ms').notNull(),
    reviewAnswers: integer('review_answers').notNull(),
    reviewPassed: integer('review_passed').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
)

/**
 * Items the learner asked to see again soon (e.g. missed in a quiz): they come first in the queue until
 * answered once. Kept apart from card_states so the log stays the only truth about scheduling.
 */
export const reviewRequests = sqliteTable(
  'review_requests',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    requestedAt: integer('requested_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.itemId] }), index('review_requests_order').on(t.userId, t.requestedAt)],
)

/**
 * The first Check of a shown card, until the card is rated (issue 14.15): a reload or a second tab shows the
 * same question and verdict instead of a fresh try, and the rating is graded on this response. Transient, not
 * part of the log: it only stops a learner retrying until right.
 */
export const openChecks = sqliteTable(
  'open_checks',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    reviewId: text('review_id').notNull(),
    response: text('response').notNull(),
    checkedAt: integer('checked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.itemId] })],
)

/**
 * "Study more today": extra new cards a learner allowed themselves for one study day, once (issue 14.16). A
 * setting for the day, not part of the log; the queue adds it to the daily new-card limit.
 */
export const newCardExtensions = sqliteTable(
  'new_card_extensions',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    extra: integer('extra').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
)

/** A scored quiz: the questions are fixed when it starts (item ids in order, and the seed that shuffles them). */
export const quizAttempts = sqliteTable(
  'quiz_attempts',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** What was asked for: a deck or a filter, how many questions, the time limit. */
    config: text('config', { mode: 'json' }).$type<QuizConfig>().notNull(),
    itemIds: text('item_ids', { mode: 'json' }).$type<string[]>().notNull(),
    seed: text('seed').notNull(),
    startedAt: integer('started_at').notNull(),
    /** When the time limit runs out (null: untimed). Answers after it do not count. */
    deadline: integer('deadline'),
    finishedAt: integer('finished_at'),
    score: integer('score'),
  },
  (t) => [index('quiz_attempts_user').on(t.userId, t.startedAt)],
)

export interface QuizConfig {
  assignmentId?: string
  deckId?: string
  sources?: string[]
  categories?: string[]
  tags?: string[]
  count: number
  timeLimitMinutes: number | null
  /** How flip cards are asked (app/domain/quiz.ts); absent in attempts started before they were asked as choices. */
  flipAs?: FlipQuizForm
}

export const quizAnswers = sqliteTable(
  'quiz_answers',
  {
    attemptId: text('attempt_id')
      .notNull()
      .references(() => quizAttempts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    response: text('response').notNull(),
    meaning: text('meaning', { mode: 'json' }).$type<AnswerMeaning>(),
    correct: integer('correct', { mode: 'boolean' }).notNull(),
    answeredAt: integer('answered_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.position] })],
)

/**
 * A cache that keeps "first new card of a deck" fast for learners with huge histories: every deck item at
 * a position below `position` has been started by the user. Advanced only by a write that re-checks the
 * range it skips; cleared when an undo un-starts a card or content is reloaded. Never the truth.
 */
export const newCardCursors = sqliteTable(
  'new_card_cursors',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deckId: text('deck_id')
      .notNull()
      .references(() => decks.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.deckId] })],
)

export const contentMeta = sqliteTable('content_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at')
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
})

/**
 * Every FSRS parameter set fitted for a learner (app/data/fsrs-optimizer.server.ts), adopted or not, with how
 * well it and the parameters then in force predicted the later, held-out answers. Never changed once written:
 * log rows name the set that scheduled them, so replays stay exact.
 */
export const fsrsParameters = sqliteTable(
  'fsrs_parameters',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    weights: text('weights', { mode: 'json' }).$type<number[]>().notNull(),
    /** 'pretrain': only the initial stabilities were fitted (few cards); 'full': every parameter. */
    kind: text('kind', { enum: ['pretrain', 'full'] }).notNull(),
    logLoss: real('log_loss').notNull(),
    rmseBins: real('rmse_bins').notNull(),
    /** The same measures for the parameters in force when this set was fitted, on the same held-out answers. */
    previousLogLoss: real('previous_log_loss').notNull(),
    previousRmseBins: real('previous_rmse_bins').notNull(),
    trainReviews: integer('train_reviews').notNull(),
    testReviews: integer('test_reviews').notNull(),
    cards: integer('cards').notNull(),
    adopted: integer('adopted', { mode: 'boolean' }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('fsrs_parameters_user').on(t.userId, t.createdAt)],
)

/**
 * Per learner: the parameter set in force (null: the defaults) and the optimiser's bookkeeping. A run claims
 * the row (claimed_until) so that several app servers or the CLI never fit the same learner twice at once.
 */
export const fsrsOptimizer = sqliteTable('fsrs_optimizer', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  parametersId: text('parameters_id'),
  claimedUntil: integer('claimed_until'),
  lastRunAt: integer('last_run_at'),
  /** Live answers in the log at the last fit: the next one waits for a batch more. */
  reviewsAtLastRun: integer('reviews_at_last_run').notNull().default(0),
})

/**
 * A learner's holds on a card, apart from the log (they are choices, not answers): suspended until lifted,
 * or buried until their next study day starts. The study queue skips held cards; their schedule is untouched.
 */
export const cardHolds = sqliteTable(
  'card_holds',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    suspendedAt: integer('suspended_at'),
    /** Who suspended it: the learner, or the leech rule at a lapse. */
    suspendedBy: text('suspended_by', { enum: ['learner', 'leech'] }),
    /** The answer whose lapse suspended a leech: undoing that answer lifts the suspension. */
    leechReviewId: text('leech_review_id'),
    /** When a buried card comes back: the start of the learner's next study day (04:00 in their time zone). */
    buriedUntil: integer('buried_until'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.itemId] })],
)

/** A learner's report that an item is wrong or unclear: one open report per learner and item (a new one replaces it). */
export const itemFlags = sqliteTable(
  'item_flags',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    reason: text('reason', { enum: ['wrong', 'unclear', 'translation', 'other'] }).notNull(),
    note: text('note').notNull().default(''),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.itemId] }), index('item_flags_item').on(t.itemId)],
)
