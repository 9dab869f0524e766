// The left column of a settings list (templates, policies, calendars, rules): pick one to edit,
// or start a new one.
interface Item {
  id: string;
  label: string;
  detail?: string;
}

interface Props {
  items: readonly Item[];
  selected: string | null;
  onSelect(id: string | null): void;
  newLabel: string;
  testId: string;
}

export function ItemList({ items, selected, onSelect, newLabel, testId }: Props) {
  return (
    <div className="item-list">
      <ul data-testid={`${testId}-list`}>
        {items.map((item) => (
          <li key={item.id}>
            <button type="button" aria-current={item.id === selected ? 'true' : undefined} data-testid={`${testId}-item`} data-id={item.id} onClick={() => onSelect(item.id)}>
              <span>{item.label}</span>
              {item.detail && <span className="muted">{item.detail}</span>}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="new-item" data-testid={`${testId}-new`} aria-current={selected === null ? 'true' : undefined} onClick={() => onSelect(null)}>
        + {newLabel}
      </button>
    </div>
  );
}
