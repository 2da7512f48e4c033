import { useId } from 'react';

interface CitekeyChoiceProps {
  pinned: boolean;
  onChange: (pinned: boolean) => void;
}

/**
 * Whether the citekey follows the details or stays as it is (issue 14). Keys from before citekeys
 * followed the details are all kept, so this is also how a researcher lets an old key follow them.
 */
export function CitekeyChoice({ pinned, onChange }: CitekeyChoiceProps) {
  const name = useId();
  return (
    <fieldset className="citekey-choice">
      <legend className="visually-hidden">How the citekey is made</legend>
      <label>
        <input type="radio" name={name} checked={!pinned} onChange={() => onChange(false)} /> Generate the key from the details
      </label>
      <label>
        <input type="radio" name={name} checked={pinned} onChange={() => onChange(true)} /> Keep this key
      </label>
    </fieldset>
  );
}
