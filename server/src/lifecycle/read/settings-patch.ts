import { z } from 'zod';
import { lifecycleSettingsSchema, type LifecycleSettings } from '../settings.ts';

type Shape = typeof lifecycleSettingsSchema.shape;
type PatchShape = { [K in keyof Shape]: z.ZodOptional<ReturnType<Shape[K]['unwrap']>> };

/**
 * Any subset of the lifecycle settings, each field with its own bounds, unknown keys refused. Built from the
 * settings schema without its defaults: `.partial()` would fill every missing field with its default and so
 * undo the site's stored values on merge.
 */
export const lifecycleSettingsPatchSchema = z.strictObject(
  Object.fromEntries(Object.entries(lifecycleSettingsSchema.shape).map(([key, field]) => [key, field.unwrap().optional()])) as PatchShape,
);

export type LifecycleSettingsPatch = z.infer<typeof lifecycleSettingsPatchSchema>;

/** The patch over the current settings: the full candidate. */
export function mergeSettings(current: LifecycleSettings, patch: LifecycleSettingsPatch): LifecycleSettings {
  return lifecycleSettingsSchema.parse({ ...current, ...patch });
}
