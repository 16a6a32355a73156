// A list filter that is a plain GET form with one choice, so it works without
// JavaScript and the filtered list has an address of its own.

export interface SelectFilterProps {
  action: string;
  /** The query parameter. */
  name: string;
  id: string;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  defaultValue: string;
  applyLabel: string;
}

export function SelectFilter({ action, name, id, label, options, defaultValue, applyLabel }: SelectFilterProps) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-2">
      <FilterSelect id={id} name={name} label={label} options={options} defaultValue={defaultValue} />
      <button type="submit" className="button-secondary">
        {applyLabel}
      </button>
    </form>
  );
}

/** One labelled choice of a GET filter form; forms with several put them side by side. */
export function FilterSelect({ id, name, label, options, defaultValue }: Omit<SelectFilterProps, 'action' | 'applyLabel'>) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="label">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} className="input">
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
