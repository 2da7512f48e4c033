import { $isLinkNode, LinkNode } from '@lexical/link';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import { $getNearestNodeFromDOMNode, CLICK_COMMAND, COMMAND_PRIORITY_LOW } from 'lexical';
import { useEffect } from 'react';
import { isAllowedLinkUrl } from '../../../../shared/notes/linkUrl';
import type { LibraryLinkTarget } from '../../../../shared/text/deepLink';
import { parseLibraryLink } from '../../../../shared/text/deepLink';

/**
 * Links in notes go to http, https and marginalia addresses only. LinkPlugin refuses others when
 * a link is made or pasted; the transform also unwraps any that arrive another way (a Markdown
 * shortcut, pasted HTML), keeping their text. Ctrl/⌘+click follows a link: web addresses open
 * outside the app (the shell allows only http(s)), library links open in the reader.
 */
export function SafeLinksPlugin({ onOpenLibraryLink }: { onOpenLibraryLink: (target: LibraryLinkTarget) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(LinkNode, (link) => {
          if (isAllowedLinkUrl(link.getURL())) return;
          for (const child of link.getChildren()) link.insertBefore(child);
          link.remove();
        }),
        editor.registerCommand(
          CLICK_COMMAND,
          (event) => {
            if (!(event.ctrlKey || event.metaKey) || !(event.target instanceof Node)) return false;
            const node = $getNearestNodeFromDOMNode(event.target);
            const link = node ? $findMatchingParent(node, $isLinkNode) : null;
            if (!$isLinkNode(link)) return false;
            const url = link.getURL();
            const target = parseLibraryLink(url);
            event.preventDefault();
            if (target) onOpenLibraryLink(target);
            else if (/^https?:\/\//i.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, onOpenLibraryLink],
  );
  return <LinkPlugin validateUrl={isAllowedLinkUrl} attributes={{ rel: 'noopener noreferrer' }} />;
}
