// The Templates button's menu: search canned responses by shortcut or title and pick one.
import { useMemo, useState } from 'react';
import type { Template } from '../../../../src-preload/contract/config.contract';
import { filterTemplates } from './composer.text';
import { TemplateList } from './TemplateList';

interface Props {
  templates: readonly Template[];
  customerLanguage: string | null;
  onPick(template: Template): void;
  onClose(): void;
}

export function TemplateMenu({ templates, customerLanguage, onPick, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [highlighted, setHighlighted] = useState(0);
  const matches = useMemo(() => filterTemplates(templates, query, customerLanguage), [templates, query, customerLanguage]);
  return (
    <div className="template-menu" data-testid="template-menu">
      <input
        autoFocus
        aria-label="Find a canned response"
        data-testid="template-search"
        placeholder="Find a canned response…"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setHighlighted(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setHighlighted((h) => Math.max(0, Math.min(matches.length - 1, h + step)));
          } else if (event.key === 'Enter' || event.key === 'Tab') {
            const template = matches[highlighted];
            if (template) {
              event.preventDefault();
              onPick(template);
            }
          }
        }}
      />
      <TemplateList
        templates={matches}
        highlighted={highlighted}
        onHighlight={setHighlighted}
        onPick={onPick}
        emptyText={templates.length === 0 ? 'No canned responses yet: add them in Settings → Templates.' : 'No template matches.'}
      />
    </div>
  );
}
