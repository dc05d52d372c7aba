import { useId, useState, type FormEvent } from 'react';
import { InlineError } from '../../../components/InlineError.tsx';
import { addTag, removeTag } from '../stores/actions.ts';
import { useLookingGlassStore } from '../stores/lookingglass-store.ts';

export function TagsEditor() {
  const tags = useLookingGlassStore((s) => s.tags);
  const loadError = useLookingGlassStore((s) => s.loadErrors.tags);
  const pending = useLookingGlassStore((s) => Boolean(s.pending.tags));
  const error = useLookingGlassStore((s) => s.errors.tags);
  const note = useLookingGlassStore((s) => s.tagNote);
  const [draft, setDraft] = useState('');
  const id = useId();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() !== '' && (await addTag(draft))) setDraft('');
  };

  return (
    <section className="pane-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Tags</h2>
      <InlineError message={loadError} />
      {tags === null ? (
        loadError ? null : (
          <p className="muted">Loading tags…</p>
        )
      ) : tags.length === 0 ? (
        <p className="muted">No tags yet.</p>
      ) : (
        <ul className="lg-tags">
          {tags.map((tag) => (
            <li key={tag} className="lg-tag">
              <span>{tag}</span>
              <button type="button" aria-label={`Remove tag ${tag}`} disabled={pending} onClick={() => void removeTag(tag)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="lg-tag-form" onSubmit={(e) => void onSubmit(e)}>
        <div className="lg-field">
          <label htmlFor={`${id}-new`}>New tag</label>
          <input id={`${id}-new`} value={draft} maxLength={200} autoComplete="off" onChange={(e) => setDraft(e.target.value)} />
        </div>
        <button type="submit" disabled={pending || draft.trim() === ''}>
          Add tag
        </button>
      </form>
      {note ? <p className="muted">{note}</p> : null}
      <InlineError message={error} />
    </section>
  );
}
