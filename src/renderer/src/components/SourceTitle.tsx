interface SourceTitleProps {
  title: string;
  /** The importer made the title from the first sentence (SourceSummary.titleDerived). */
  derived: boolean;
}

/**
 * A source's title, isolated from the text around it (<bdi>), so an Urdu or Hebrew title does not
 * reorder the punctuation and numbers beside it in a list. A title the importer made is in square
 * brackets, as a bibliography marks a supplied title (and as the export writes it), and says so
 * to a screen reader.
 */
export function SourceTitle({ title, derived }: SourceTitleProps) {
  if (!derived) return <bdi>{title}</bdi>;
  return (
    <span className="derived-title">
      {/* The brackets inside the isolate: they take the title's direction, and mirror in an Urdu one. */}
      <bdi>[{title}]</bdi>
      <span className="visually-hidden"> (title made from the first sentence)</span>
    </span>
  );
}
