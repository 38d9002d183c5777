// The built shoploop.js: `<script async src=".../shoploop.js" data-site="...">`. Runs once, never throws.
import { boot } from './boot.ts';
import { guard } from './guard.ts';

// currentScript is this tag while it runs, also when a tag manager inserted it
guard(boot)(document.currentScript as HTMLScriptElement);
