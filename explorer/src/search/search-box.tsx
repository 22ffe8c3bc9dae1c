/**
 * The search box with instant suggestions, as a WAI-ARIA combobox: arrows move through the
 * suggestions, Enter opens the one chosen (or searches for what was typed), Escape closes them.
 */
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useQuery } from 'urql';
import { useLocation } from 'wouter';
import { recordPath, typeLabels } from '../shared/record-path';
import { useDebouncedValue } from '../shared/use-debounced-value';
import { AutocompleteQuery } from './search.queries';

interface SearchBoxProps {
  initialQuery?: string;
  label?: string;
  /** What choosing a suggestion does; by default, open its page. */
  onChoose?: (record: { id: string; __typename: string; label: string }) => void;
  /** What submitting the typed text does; by default, the search page. Without it, only suggestions can be chosen. */
  onSubmit?: ((text: string) => void) | null;
  placeholder?: string;
}

export function SearchBox({
  initialQuery = '',
  label = 'Search the knowledge base',
  onChoose,
  onSubmit,
  placeholder = 'Search briefs, lessons, meetings, themes…',
}: SearchBoxProps) {
  const [text, setText] = useState(initialQuery);
  const [open, setOpen] = useState(false);
  // A box filled in from the URL asks for nothing until the reader types in it.
  const [typed, setTyped] = useState(false);
  const [active, setActive] = useState(-1);
  const [, navigate] = useLocation();
  const id = useId();
  const prefix = useDebouncedValue(text.trim(), 120);
  const [result] = useQuery({ query: AutocompleteQuery, variables: { prefix }, pause: !typed || prefix.length < 2 });
  const suggestions = prefix.length >= 2 && result.data ? result.data.autocomplete : [];
  const expanded = open && suggestions.length > 0 && text.trim().length >= 2;
  const optionId = (index: number) => `${id}-option-${index}`;

  const choose = (index: number) => {
    const suggestion = suggestions[index];
    if (!suggestion) return;
    setOpen(false);
    setActive(-1);
    if (onChoose) {
      onChoose({ id: suggestion.node.id, __typename: suggestion.node.__typename, label: suggestion.text });
      setText(suggestion.text);
      return;
    }
    const path = recordPath(suggestion.node);
    if (path) navigate(path);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (expanded && active >= 0) return choose(active);
    const query = text.trim();
    if (!query) return;
    setOpen(false);
    if (onSubmit === null) return;
    if (onSubmit) onSubmit(query);
    else navigate(`/search?${new URLSearchParams({ q: query }).toString()}`);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((current) => (suggestions.length === 0 ? -1 : (current + 1) % suggestions.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current) => (suggestions.length === 0 ? -1 : (current - 1 + suggestions.length) % suggestions.length));
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <form role="search" aria-label={label} className="search-box" onSubmit={submit}>
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {label}
      </label>
      <div className="combobox">
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-listbox`}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          placeholder={placeholder}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setTyped(true);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => setOpen(true)}
        />
        <ul id={`${id}-listbox`} role="listbox" aria-label="Suggestions" className="suggestions" hidden={!expanded}>
          {expanded
            ? suggestions.map((suggestion, index) => (
                <li
                  key={suggestion.node.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className={index === active ? 'active' : undefined}
                  // mousedown, not click: the input's blur would close the list before a click lands.
                  onMouseDown={(event) => {
                    event.preventDefault();
                    choose(index);
                  }}
                >
                  <span className="type-tag">{typeLabels[suggestion.node.__typename] ?? suggestion.type}</span> {suggestion.text}
                </li>
              ))
            : null}
        </ul>
      </div>
      {onSubmit === null ? null : <button type="submit">Search</button>}
    </form>
  );
}
