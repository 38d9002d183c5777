import { useState } from 'preact/hooks';

/** Copies a text to the clipboard; where the browser refuses, selects it in the box beside so Ctrl+C works. */
export function CopyButton({ text, target, label = 'Copy' }: { text: string; target?: () => HTMLTextAreaElement | null; label?: string }) {
  const [done, setDone] = useState<'copied' | 'select' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setDone('copied');
    } catch {
      const box = target?.();
      box?.focus();
      box?.select();
      setDone('select');
    }
    setTimeout(() => setDone(null), 2500);
  };
  return (
    <button type="button" class="secondary small" data-copy onClick={() => void copy()}>
      {done === 'copied' ? 'Copied' : done === 'select' ? 'Selected: press Ctrl+C' : label}
    </button>
  );
}
