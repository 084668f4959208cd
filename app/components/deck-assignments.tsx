import { Link } from 'react-router'
import { useT } from '~/i18n/react'

/** The live classes that have an imported deck assigned (which is why it cannot be deleted yet); nothing if none. */
export function DeckAssignments({
  assignedIn,
}: {
  assignedIn: ReadonlyArray<{ classId: string; className: string; assignmentTitle: string }>
}) {
  const t = useT()
  if (assignedIn.length === 0) return null
  return (
    <>
      <p>{t.deckDeleteAssigned}</p>
      <ul className="plain-list">
        {assignedIn.map((a) => (
          <li key={`${a.classId}:${a.assignmentTitle}`}>
            <Link to={`/classes/${a.classId}`}>{a.className}</Link> · {a.assignmentTitle}
          </li>
        ))}
      </ul>
    </>
  )
}
