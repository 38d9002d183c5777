import type { SaveState } from './use-save.ts';

/** Save and reset, and the outcome (the server's message on a refusal, its field messages are at the fields). */
export function FormFooter({ state, changed, invalid, onReset }: { state: SaveState; changed: number; invalid: number; onReset(): void }) {
  return (
    <div class="form-footer">
      <div class="actions">
        <button type="submit" disabled={state.saving || changed === 0 || invalid > 0}>
          {state.saving ? 'Saving…' : changed ? `Save ${changed} change${changed > 1 ? 's' : ''}` : 'Save'}
        </button>
        <button type="button" class="secondary" disabled={changed === 0 && invalid === 0} onClick={onReset}>
          Reset
        </button>
      </div>
      {state.status && (
        <p class="ok" role="status">
          {state.status}
        </p>
      )}
      {state.failure && (
        <p class="error" role="alert">
          {state.failure}
        </p>
      )}
    </div>
  );
}
