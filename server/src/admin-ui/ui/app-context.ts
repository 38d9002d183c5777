import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Theme } from '../theme/theme.ts';

/**
 * What every part of the app may read without it being passed down: the theme (charts read their colours from it)
 * and the site and period as a file-name part for CSV exports.
 */
export const AppContext = createContext<{ theme: Theme; exportScope: string }>({ theme: 'light', exportScope: '' });
export const useAppContext = () => useContext(AppContext);
