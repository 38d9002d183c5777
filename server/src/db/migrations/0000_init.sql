CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sites` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`public_key` text NOT NULL,
	`allowed_origins` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sites_public_key_uq` ON `sites` (`public_key`);--> statement-breakpoint
CREATE TABLE `events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` text NOT NULL,
	`event_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`session_id` text NOT NULL,
	`name` text NOT NULL,
	`client_ts` integer NOT NULL,
	`received_at` integer NOT NULL,
	`url` text,
	`referrer` text,
	`time_zone` text,
	`params` text NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_site_event_uq` ON `events` (`site_id`,`event_id`);--> statement-breakpoint
CREATE INDEX `events_site_visitor_idx` ON `events` (`site_id`,`visitor_id`,`seq`);--> statement-breakpoint
CREATE TABLE `visitors` (
	`site_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`customer_id` text,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`last_session_id` text,
	`time_zone` text,
	`event_count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`site_id`, `visitor_id`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `visitors_site_last_seen_idx` ON `visitors` (`site_id`,`last_seen_at`);--> statement-breakpoint
CREATE INDEX `visitors_site_customer_idx` ON `visitors` (`site_id`,`customer_id`);--> statement-breakpoint
CREATE TABLE `product_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` text NOT NULL,
	`item_id` text NOT NULL,
	`field` text NOT NULL,
	`old_value` text,
	`new_value` text,
	`changed_at` integer NOT NULL,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `product_changes_item_idx` ON `product_changes` (`site_id`,`item_id`,`id`);--> statement-breakpoint
CREATE TABLE `products` (
	`site_id` text NOT NULL,
	`item_id` text NOT NULL,
	`name` text,
	`price` real,
	`currency` text,
	`image` text,
	`url` text,
	`category` text,
	`brand` text,
	`availability` text,
	`hidden` integer DEFAULT false NOT NULL,
	`first_seen_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `item_id`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `products_site_category_idx` ON `products` (`site_id`,`category`);