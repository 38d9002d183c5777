// The built shoploop.js: `<script async src=".../shoploop.js" data-site="...">`. Runs once, never throws.
import { boot } from './boot.ts';
import { guard } from './guard.ts';

guard(boot)((document.currentScript as HTMLScriptElement | null) ?? document.querySelector('script[data-site]'));
