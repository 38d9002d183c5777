import { useEffect, useState } from 'preact/hooks';

/** 'system' follows prefers-color-scheme; the toggle stores an explicit choice for this browser. */
export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const KEY = 'shoploop.theme';
const dark = () => matchMedia('(prefers-color-scheme: dark)');

function readChoice(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

const resolveTheme = (choice: ThemeChoice, systemDark: boolean): Theme => (choice === 'system' ? (systemDark ? 'dark' : 'light') : choice);

/** Puts the theme on <html data-theme> (the CSS variables follow it) and returns it; charts redraw when it changes. */
export function useTheme(): { theme: Theme; choice: ThemeChoice; setChoice(c: ThemeChoice): void } {
  const [choice, setChoiceState] = useState(readChoice);
  const [systemDark, setSystemDark] = useState(() => dark().matches);
  useEffect(() => {
    const mq = dark();
    const update = () => setSystemDark(mq.matches);
    mq.addEventListener('change', update);
    return () => mq.removeEventListener('change', update);
  }, []);
  const theme = resolveTheme(choice, systemDark);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const setChoice = (c: ThemeChoice) => {
    try {
      if (c === 'system') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, c);
    } catch {
      // not stored: this tab only
    }
    setChoiceState(c);
  };
  return { theme, choice, setChoice };
}
