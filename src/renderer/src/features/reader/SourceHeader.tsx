import type { ReactNode, Ref } from 'react';
import type { Source } from '../../../../shared/domain/source';
import { SourceTitle } from '../../components/SourceTitle';

interface SourceHeaderProps {
  source: Source;
  titleId: string;
  titleRef: Ref<HTMLHeadingElement>;
  actions: ReactNode;
}

/** "Outlet · Author · Date", leaving out what is not known. */
function metadataParts(source: Source): { key: string; text: string }[] {
  return [
    { key: 'outlet', text: source.outlet },
    { key: 'author', text: source.author },
    { key: 'date', text: source.publishedAt },
  ].filter((part): part is { key: string; text: string } => Boolean(part.text));
}

export function SourceHeader({ source, titleId, titleRef, actions }: SourceHeaderProps) {
  const parts = metadataParts(source);
  return (
    <header className="reader-header">
      <h1 id={titleId} ref={titleRef} tabIndex={-1} className="reader-title" dir="auto">
        <SourceTitle title={source.title} derived={source.titleDerived} />
      </h1>
      {source.titleDerived ? <p className="field-hint">The file had no title: this one is its first sentence. Edit the details to give it one.</p> : null}
      <p className="reader-meta">
        {parts.length > 0 ? (
          parts.map((part, index) => (
            <span key={part.key} className={`reader-meta-${part.key}`}>
              {index > 0 ? <span className="reader-meta-separator"> · </span> : null}
              {part.key === 'date' ? <time dateTime={part.text}>{part.text}</time> : part.text}
            </span>
          ))
        ) : (
          <span className="missing">Outlet, author and date unknown</span>
        )}
      </p>
      <div className="reader-actions">{actions}</div>
    </header>
  );
}
