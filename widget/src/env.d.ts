/// <reference types="vite/client" />
// `import.meta.env.DEV` guards debug-only code: true under vitest, replaced by `false` in `vite build`.
