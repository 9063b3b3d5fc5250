import { useId, useRef, useState } from 'react';

interface CopyFieldProps {
  label: string;
  value: string;
}

/**
 * A one-time link or secret in a read-only box with a Copy button. The box selects itself on
 * focus, so copying by hand works too where the clipboard API is refused (plain HTTP).
 */
export function CopyField({ label, value }: CopyFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('failed');
    }
  };

  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field__row">
        <input
          id={id}
          ref={input}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
        />
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="copy-field__status" role="status">
        {copied === 'yes' ? 'Copied.' : copied === 'failed' ? 'Copying was refused: it is selected, press Ctrl+C.' : ''}
      </p>
    </div>
  );
}
