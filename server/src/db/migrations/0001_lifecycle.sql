CREATE TABLE `buyer_models` (
	`site_id` text PRIMARY KEY NOT NULL,
	`fitted_at` integer NOT NULL,
	`repeat_buyers` integer NOT NULL,
	`params` text,
	`note` text NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `erasures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` text NOT NULL,
	`subject_hash` text NOT NULL,
	`erased_at` integer NOT NULL,
	`counts` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `profiles` (
	`site_id` text NOT NULL,
	`profile_id` text NOT NULL,
	`stage` text,
	`stage_since` integer,
	`rule` text,
	`reason` text,
	`facts` text,
	`facts_seq` integer DEFAULT 0 NOT NULL,
	`touched` integer DEFAULT 0 NOT NULL,
	`due_at` integer,
	`claim_until` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `profile_id`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `profiles_due_idx` ON `profiles` (`due_at`);--> statement-breakpoint
CREATE INDEX `profiles_site_stage_idx` ON `profiles` (`site_id`,`stage`);--> statement-breakpoint
CREATE TABLE `site_settings` (
	`site_id` text PRIMARY KEY NOT NULL,
	`lifecycle` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `stage_daily` (
	`site_id` text NOT NULL,
	`day` text NOT NULL,
	`stage` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`site_id`, `day`, `stage`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `stage_transitions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` text NOT NULL,
	`profile_id` text NOT NULL,
	`from_stage` text,
	`to_stage` text NOT NULL,
	`at` integer NOT NULL,
	`rule` text NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `stage_transitions_site_at_idx` ON `stage_transitions` (`site_id`,`at`);--> statement-breakpoint
CREATE INDEX `stage_transitions_profile_idx` ON `stage_transitions` (`site_id`,`profile_id`,`id`);