// One canned response: title, /shortcut, language, category and the body with its variables.
import { useState, type FormEvent } from 'react';
import { allTemplateVariableNames, type TemplateDraft } from '../../../../src-preload/contract';
import type { Template } from '../../../../src-preload/contract/config.contract';
import { FieldError } from './FieldError';
import { FormFooter } from './FormFooter';
import { useSubmit } from './useSubmit';

export function TemplateForm({ template, onSaved, onDeleted }: { template: Template | null; onSaved(id: string): void; onDeleted(): void }) {
  const submit = useSubmit();
  // The id once stored: a new document keeps its form (and its "Saved") after the first save.
  const [id, setId] = useState(template?.id ?? null);
  const [title, setTitle] = useState(template?.title ?? '');
  const [shortcut, setShortcut] = useState(template?.shortcut ?? '');
  const [language, setLanguage] = useState(template?.language ?? '');
  const [category, setCategory] = useState(template?.category ?? '');
  const [body, setBody] = useState(template?.body ?? '');

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    const draft: TemplateDraft = {
      ...(id ? { id } : {}),
      title: title.trim(),
      shortcut: shortcut.trim().replace(/^\//, ''),
      body,
      language: language.trim() || null,
      category: category.trim() || null,
    };
    const saved = await submit.run('config.templates.save', draft, { conflictField: 'shortcut' });
    if (saved) {
      setId(saved.id);
      onSaved(saved.id);
    }
  }

  async function remove(): Promise<void> {
    if (!id || !window.confirm(`Delete "${title}"?`)) return;
    if ((await submit.run('config.templates.delete', { id })) !== null) onDeleted();
  }

  const { issues } = submit;
  return (
    <form className="settings-form" data-testid="template-form" onSubmit={(event) => void save(event)}>
      <label>
        Title
        <input data-testid="template-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        <FieldError issues={issues} path="title" />
      </label>
      <div className="form-row">
        <label>
          Shortcut (typed after /)
          <input data-testid="template-shortcut" value={shortcut} onChange={(e) => setShortcut(e.target.value)} placeholder="refund" />
          <FieldError issues={issues} path="shortcut" />
        </label>
        <label>
          Language
          <input data-testid="template-language" value={language} onChange={(e) => setLanguage(e.target.value)} placeholder="en" />
          <FieldError issues={issues} path="language" />
        </label>
        <label>
          Category
          <input data-testid="template-category" value={category} onChange={(e) => setCategory(e.target.value)} placeholder="orders" />
          <FieldError issues={issues} path="category" />
        </label>
      </div>
      <label>
        Text
        <textarea data-testid="template-body" rows={6} value={body} onChange={(e) => setBody(e.target.value)} />
        <FieldError issues={issues} path="body" />
      </label>
      <p className="muted variables">
        Variables:{' '}
        {/* The core fills these; anything else is reported as unknown before sending. */}
        {allTemplateVariableNames.map((v) => (
          <code key={v}>{`{{${v}}}`}</code>
        ))}
      </p>
      <FormFooter issues={issues} busy={submit.busy} saved={submit.saved} testId="template">
        {id && (
          <button type="button" className="danger" data-testid="template-delete" onClick={() => void remove()} disabled={submit.busy}>
            Delete
          </button>
        )}
      </FormFooter>
    </form>
  );
}
