import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';

/**
 * Renders its children, or nothing once one of them has failed (in rendering or in an effect), so that a bug in a
 * block never reaches the page as an uncaught error. Event handlers are guarded where they are defined.
 */
export function Contained({ children }: { children: ComponentChildren }) {
  const [error] = useErrorBoundary();
  return error ? null : <>{children}</>;
}
