import { memo, useMemo } from 'react';
import { splitParagraphs } from '../../../../shared/text/canonical';

interface ReaderArticleProps {
  body: string;
  labelledBy: string;
}

/**
 * The body as text, one <p> per paragraph. `data-start` is the offset of the paragraph's first
 * character in the canonical body, the coordinate system highlights anchor in.
 */
export const ReaderArticle = memo(function ReaderArticle({ body, labelledBy }: ReaderArticleProps) {
  const paragraphs = useMemo(() => splitParagraphs(body), [body]);
  return (
    <article className="reader-body" aria-labelledby={labelledBy}>
      {paragraphs.map((paragraph) => (
        <p key={paragraph.start} data-start={paragraph.start}>
          {paragraph.text}
        </p>
      ))}
    </article>
  );
});
