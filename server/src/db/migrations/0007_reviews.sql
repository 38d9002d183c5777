CREATE TABLE `review_cancelled_orders` (
	`site_id` text NOT NULL,
	`order_id` text NOT NULL,
	`reason` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `order_id`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `review_helpful_votes` (
	`review_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`review_id`, `visitor_id`),
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `review_keys` (
	`site_id` text PRIMARY KEY NOT NULL,
	`secret` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `review_opt_outs` (
	`site_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `visitor_id`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `review_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`order_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`items` text NOT NULL,
	`purchased_at` integer NOT NULL,
	`ask_at` integer NOT NULL,
	`remind_at` integer,
	`expires_at` integer NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`asked_at` integer,
	`reminded_at` integer,
	`snoozed_until` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_requests_order_uq` ON `review_requests` (`site_id`,`order_id`);--> statement-breakpoint
CREATE INDEX `review_requests_visitor_idx` ON `review_requests` (`site_id`,`visitor_id`);--> statement-breakpoint
CREATE INDEX `review_requests_due_idx` ON `review_requests` (`site_id`,`ask_at`) WHERE status = 'scheduled';--> statement-breakpoint
CREATE TABLE `review_settings` (
	`site_id` text PRIMARY KEY NOT NULL,
	`settings` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`request_id` text NOT NULL,
	`order_id` text NOT NULL,
	`item_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`rating` integer NOT NULL,
	`title` text,
	`body` text,
	`author` text,
	`status` text NOT NULL,
	`held_reason` text,
	`text_key` text,
	`helpful` integer DEFAULT 0 NOT NULL,
	`reply_body` text,
	`reply_at` integer,
	`created_at` integer NOT NULL,
	`published_at` integer,
	`moderated_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "reviews_rating_range" CHECK(rating BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_order_item_uq` ON `reviews` (`site_id`,`order_id`,`item_id`);--> statement-breakpoint
CREATE INDEX `reviews_item_idx` ON `reviews` (`site_id`,`item_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `reviews_site_status_idx` ON `reviews` (`site_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `reviews_visitor_idx` ON `reviews` (`site_id`,`visitor_id`);--> statement-breakpoint
CREATE INDEX `reviews_text_idx` ON `reviews` (`site_id`,`text_key`);