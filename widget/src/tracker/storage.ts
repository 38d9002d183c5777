// localStorage can throw (disabled storage, sandboxed iframes, full quota): fall back to memory for this page.
const memory: Record<string, string> = {};

export const load = (key: string): string | null | undefined => {
  try {
    return localStorage.getItem(key) ?? memory[key];
  } catch {
    return memory[key];
  }
};

export const save = (key: string, value: string): void => {
  memory[key] = value;
  try {
    localStorage.setItem(key, value);
  } catch {}
};

export const remove = (key: string): void => {
  delete memory[key];
  try {
    localStorage.removeItem(key);
  } catch {}
};
