import { memo, useMemo } from 'react';
import { splitParagraphs } from '../../../../shared/text/canonical';

interface ReaderArticleProps {
  body: string;
  labelledBy: string;
  /** The article's language (BCP 47), so screen readers pronounce it and the browser shapes it right. */
  language: string | null;
}

/**
 * The body as text, one <p> per paragraph. `data-start` is the offset of the paragraph's first
 * character in the canonical body, the coordinate system highlights anchor in.
 */
/** Only a well-formed language tag goes into `lang`; free text such as "English" would mislead. */
const languageTag = (language: string | null) => (language && /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(language) ? language : undefined);

export const ReaderArticle = memo(function ReaderArticle({ body, labelledBy, language }: ReaderArticleProps) {
  const paragraphs = useMemo(() => splitParagraphs(body), [body]);
  return (
    <article className="reader-body" aria-labelledby={labelledBy} lang={languageTag(language)}>
      {paragraphs.map((paragraph) => (
        <p key={paragraph.start} data-start={paragraph.start}>
          {paragraph.text}
        </p>
      ))}
    </article>
  );
});
