// A list of canned responses to pick from (the `/` list and the Templates button's menu).
import type { Template } from '../../../../src-preload/contract/config.contract';

interface Props {
  templates: readonly Template[];
  highlighted: number;
  onPick(template: Template): void;
  onHighlight(index: number): void;
  emptyText: string;
}

export function TemplateList({ templates, highlighted, onPick, onHighlight, emptyText }: Props) {
  if (templates.length === 0) return <div className="template-empty">{emptyText}</div>;
  return (
    <ul className="template-list" role="listbox" aria-label="Canned responses" data-testid="template-list">
      {templates.map((template, index) => (
        <li
          key={template.id}
          role="option"
          aria-selected={index === highlighted}
          data-testid="template-option"
          data-shortcut={template.shortcut}
          className={index === highlighted ? 'highlighted' : undefined}
          onMouseEnter={() => onHighlight(index)}
          // mousedown, not click: the textarea must keep the focus.
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(template);
          }}
        >
          <span className="template-shortcut">/{template.shortcut}</span>
          <span className="template-title">{template.title}</span>
          {template.language && <span className="template-lang">{template.language}</span>}
          <span className="template-body">{template.body}</span>
        </li>
      ))}
    </ul>
  );
}
