import type { Source } from '../../../../shared/domain/source';

const isWebLink = (url: string) => /^https?:\/\//i.test(url);

/** Where the text came from: file, import time, citekey and the original URL. */
export function SourceProvenance({ source }: { source: Source }) {
  const imported = new Date(source.importedAt);
  return (
    <footer className="reader-provenance">
      <dl>
        <div>
          <dt>Imported from</dt>
          <dd>
            {source.fileName}
            {Number.isNaN(imported.getTime()) ? null : (
              <>
                {' on '}
                <time dateTime={source.importedAt}>{imported.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' })}</time>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Citekey</dt>
          <dd>
            <code>{source.citekey}</code>
          </dd>
        </div>
        {source.language ? (
          <div>
            <dt>Language</dt>
            <dd>{source.language}</dd>
          </div>
        ) : null}
        {source.url && isWebLink(source.url) ? (
          <div>
            <dt>Original</dt>
            <dd>
              <a href={source.url} target="_blank" rel="noopener noreferrer">
                {source.url}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
    </footer>
  );
}
