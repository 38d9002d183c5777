CREATE TABLE `catalog_reports` (
	`site_id` text NOT NULL,
	`item_id` text NOT NULL,
	`field` text NOT NULL,
	`value` text NOT NULL,
	`reporter` text NOT NULL,
	`reported_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `item_id`, `field`, `value`, `reporter`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `catalog_settings` (
	`site_id` text PRIMARY KEY NOT NULL,
	`trusted_reporters` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `product_changes` ADD `reporters` integer;--> statement-breakpoint
CREATE INDEX `product_changes_site_idx` ON `product_changes` (`site_id`,`id`);
--> statement-breakpoint
/* Values learned from events before this migration were never vouched for: each such field goes back to its
   last feed value, or empty, so `products` holds only trusted values from here on. */
UPDATE `products` SET `name` = (SELECT c.new_value FROM `product_changes` c WHERE c.site_id = `products`.site_id AND c.item_id = `products`.item_id AND c.field = 'name' AND c.source = 'feed' ORDER BY c.id DESC LIMIT 1)
WHERE (SELECT c.source FROM `product_changes` c WHERE c.site_id = `products`.site_id AND c.item_id = `products`.item_id AND c.field = 'name' ORDER BY c.id DESC LIMIT 1) = 'event';
--> statement-breakpoint
UPDATE `products` SET `price` = CAST((SELECT c.new_value FROM `product_changes` c WHERE c.site_id = `products`.site_id AND c.item_id = `products`.item_id AND c.field = 'price' AND c.source = 'feed' ORDER BY c.id DESC LIMIT 1) AS REAL)
WHERE (SELECT c.source FROM `product_changes` c WHERE c.site_id = `products`.site_id AND c.item_id = `products`.item_id AND c.field = 'price' ORDER BY c.id DESC LIMIT 1) = 'event';
--> statement-breakpoint
UPDATE `products` SET `currency` = (SELECT c.new_value FROM `product_changes` c WHERE c.site_id = `products`.site_id AND c.item_id = `products`.item_id AND c.field = 'currency' AND c.source = 'feed' ORDER BY c.id DESC LIMIT 1)
WHERE (SELECT c.source FROM `product_changes` c WHERE c.site_id = `products`.site_id AND c.item_id = `products`.item_id AND c.field = 'currency' ORDER BY c.id DESC LIMIT 1) = 'event';
--> statement-breakpoint
UPDATE `products` SET `image` = (SELECT c.new_value FROM `product_changes` c WHERE c.site_id = `products`.site_id AND c.item_id = `products`.item_id AND c.field = 'image' AND c.source = 'feed' ORDER BY c.id DESC LIMIT 1)
WHERE (SELECT c.source FROM `product_changes` c WHERE c.site_id = `products`.site_id AND c.item_id = `products`.item_id AND c.field = 'image' ORDER BY c.id DESC LIMIT 1) = 'event';
--> statement-breakpoint
UPDATE `products` SET `url` = (SELECT c.new_value FROM `product_changes` c WHERE c.site_id = `products`.site_id AND c.item_id = `products`.item_id AND c.field = 'url' AND c.source = 'feed' ORDER BY c.id DESC LIMIT 1)
WHERE (SELECT c.source FROM `product_changes` c WHERE c.site_id = `products`.site_id AND c.item_id = `products`.item_id AND c.field = 'url' ORDER BY c.id DESC LIMIT 1) = 'event';
--> statement-breakpoint
UPDATE `products` SET `category` = (SELECT c.new_value FROM `product_changes` c WHERE c.site_id = `products`.site_id AND c.item_id = `products`.item_id AND c.field = 'category' AND c.source = 'feed' ORDER BY c.id DESC LIMIT 1)
WHERE (SELECT c.source FROM `product_changes` c WHERE c.site_id = `products`.site_id AND c.item_id = `products`.item_id AND c.field = 'category' ORDER BY c.id DESC LIMIT 1) = 'event';
--> statement-breakpoint
UPDATE `products` SET `brand` = (SELECT c.new_value FROM `product_changes` c WHERE c.site_id = `products`.site_id AND c.item_id = `products`.item_id AND c.field = 'brand' AND c.source = 'feed' ORDER BY c.id DESC LIMIT 1)
WHERE (SELECT c.source FROM `product_changes` c WHERE c.site_id = `products`.site_id AND c.item_id = `products`.item_id AND c.field = 'brand' ORDER BY c.id DESC LIMIT 1) = 'event';
--> statement-breakpoint
UPDATE `products` SET `availability` = (SELECT c.new_value FROM `product_changes` c WHERE c.site_id = `products`.site_id AND c.item_id = `products`.item_id AND c.field = 'availability' AND c.source = 'feed' ORDER BY c.id DESC LIMIT 1)
WHERE (SELECT c.source FROM `product_changes` c WHERE c.site_id = `products`.site_id AND c.item_id = `products`.item_id AND c.field = 'availability' ORDER BY c.id DESC LIMIT 1) = 'event';
--> statement-breakpoint
/* A value becomes trusted once as many distinct visitors reported it as the site asks (3 unless
   catalog_settings says otherwise; keep in step with catalog/trust/settings.ts): it becomes the product's
   value, the change is recorded with the previously trusted value as old, and the field's reports start afresh.
   In the writer's own transaction, so two instances never promote one value twice. */
CREATE TRIGGER `catalog_reports_promote` AFTER INSERT ON `catalog_reports`
WHEN (SELECT count(*) FROM `catalog_reports` r WHERE r.site_id = NEW.site_id AND r.item_id = NEW.item_id AND r.field = NEW.field AND r.value = NEW.value)
  >= coalesce((SELECT s.trusted_reporters FROM `catalog_settings` s WHERE s.site_id = NEW.site_id), 3)
BEGIN
  INSERT INTO `product_changes` (site_id, item_id, field, old_value, new_value, changed_at, source, reporters)
  SELECT NEW.site_id, NEW.item_id, NEW.field, o.old, NEW.value, NEW.reported_at, 'event', (SELECT count(*) FROM `catalog_reports` r WHERE r.site_id = NEW.site_id AND r.item_id = NEW.item_id AND r.field = NEW.field AND r.value = NEW.value)
  FROM (
    SELECT CASE NEW.field
        WHEN 'name' THEN p.name
        -- as JavaScript's String(price) writes it: 12 not 12.0
        WHEN 'price' THEN iif(p.price = CAST(p.price AS INTEGER), CAST(CAST(p.price AS INTEGER) AS TEXT), CAST(p.price AS TEXT))
        WHEN 'currency' THEN p.currency WHEN 'image' THEN p.image WHEN 'url' THEN p.url
        WHEN 'category' THEN p.category WHEN 'brand' THEN p.brand WHEN 'availability' THEN p.availability
      END AS old
    FROM `products` p WHERE p.site_id = NEW.site_id AND p.item_id = NEW.item_id
  ) AS o
  WHERE o.old IS NOT NEW.value;
  UPDATE `products` SET
    `name` = iif(NEW.field = 'name', NEW.value, `name`),
    `price` = iif(NEW.field = 'price', CAST(NEW.value AS REAL), `price`),
    `currency` = iif(NEW.field = 'currency', NEW.value, `currency`),
    `image` = iif(NEW.field = 'image', NEW.value, `image`),
    `url` = iif(NEW.field = 'url', NEW.value, `url`),
    `category` = iif(NEW.field = 'category', NEW.value, `category`),
    `brand` = iif(NEW.field = 'brand', NEW.value, `brand`),
    `availability` = iif(NEW.field = 'availability', NEW.value, `availability`),
    `updated_at` = NEW.reported_at
  WHERE site_id = NEW.site_id AND item_id = NEW.item_id;
  DELETE FROM `catalog_reports` WHERE site_id = NEW.site_id AND item_id = NEW.item_id AND field = NEW.field;
END;
