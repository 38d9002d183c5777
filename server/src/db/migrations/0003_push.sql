CREATE TABLE `campaign_cursors` (
	`site_id` text NOT NULL,
	`name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`claim_until` integer,
	`run_at` integer,
	PRIMARY KEY(`site_id`, `name`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`profile_id` text NOT NULL,
	`campaign` text NOT NULL,
	`trigger_key` text NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`holdout` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`due_at` integer,
	`expires_at` integer NOT NULL,
	`urgency` text NOT NULL,
	`topic` text NOT NULL,
	`item_id` text,
	`context` text,
	`title` text,
	`body` text,
	`url` text,
	`image` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`claim_until` integer,
	`sent_at` integer,
	`delivered_at` integer,
	`clicked_at` integer,
	`converted_at` integer,
	`order_id` text,
	`revenue` real,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_trigger_uq` ON `messages` (`site_id`,`campaign`,`profile_id`,`trigger_key`);--> statement-breakpoint
CREATE INDEX `messages_due_idx` ON `messages` (`due_at`) WHERE due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `messages_person_idx` ON `messages` (`site_id`,`profile_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `messages_site_created_idx` ON `messages` (`site_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `push_keys` (
	`site_id` text PRIMARY KEY NOT NULL,
	`public_key` text NOT NULL,
	`private_key` text NOT NULL,
	`subject` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `push_subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`endpoint` text NOT NULL,
	`p256dh` text NOT NULL,
	`auth` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `push_subscriptions_endpoint_uq` ON `push_subscriptions` (`site_id`,`endpoint`);--> statement-breakpoint
CREATE INDEX `push_subscriptions_visitor_idx` ON `push_subscriptions` (`site_id`,`visitor_id`);--> statement-breakpoint
ALTER TABLE `site_settings` ADD `campaigns` text;--> statement-breakpoint
ALTER TABLE `site_settings` ADD `contact` text;