CREATE TABLE `shopify_webhook_secrets` (
	`site_id` text PRIMARY KEY NOT NULL,
	`secret` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
