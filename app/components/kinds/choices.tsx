/** A group of radio options (choice, true/false, attribution): a fieldset a screen reader announces as one. */
export function Choices({
  name,
  legend,
  options,
}: {
  name: string
  legend: string
  options: Array<{ value: string; label: React.ReactNode }>
}) {
  return (
    <fieldset className="choices">
      <legend className="visually-hidden">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="choice">
          <input type="radio" name={name} value={o.value} />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  )
}
