CREATE TABLE `rec_report_daily` (
	`site_id` text NOT NULL,
	`day` text NOT NULL,
	`scenario` text NOT NULL,
	`page_type` text NOT NULL,
	`impressions` integer NOT NULL,
	`clicks` integer NOT NULL,
	`orders` integer NOT NULL,
	`items` integer NOT NULL,
	`revenue` real NOT NULL,
	PRIMARY KEY(`site_id`, `day`, `scenario`, `page_type`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `rec_report_days` (
	`site_id` text NOT NULL,
	`day` text NOT NULL,
	`shop_orders` integer NOT NULL,
	`shop_revenue` real NOT NULL,
	`attributed_orders` integer NOT NULL,
	`currencies` text NOT NULL,
	`computed_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `day`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
