CREATE TABLE `report_buyers` (
	`site_id` text NOT NULL,
	`profile_id` text NOT NULL,
	`orders` integer NOT NULL,
	`first_order_at` integer NOT NULL,
	`last_order_at` integer NOT NULL,
	`revenue` real NOT NULL,
	`cohort_month` text NOT NULL,
	`repeat_mask` integer NOT NULL,
	`sample_key` integer NOT NULL,
	PRIMARY KEY(`site_id`, `profile_id`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `report_buyers_last_order_idx` ON `report_buyers` (`site_id`,`last_order_at`,`profile_id`);--> statement-breakpoint
CREATE INDEX `report_buyers_sample_idx` ON `report_buyers` (`site_id`,`sample_key`);--> statement-breakpoint
CREATE TABLE `report_cohorts` (
	`site_id` text NOT NULL,
	`cohort_month` text NOT NULL,
	`repeat_mask` integer NOT NULL,
	`buyers` integer NOT NULL,
	PRIMARY KEY(`site_id`, `cohort_month`, `repeat_mask`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `report_flow_daily` (
	`site_id` text NOT NULL,
	`day` text NOT NULL,
	`from_stage` text NOT NULL,
	`to_stage` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`site_id`, `day`, `from_stage`, `to_stage`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `report_loyalty_daily` (
	`site_id` text NOT NULL,
	`day` text NOT NULL,
	`top_step` integer NOT NULL,
	`churned` integer NOT NULL,
	`people` integer NOT NULL,
	PRIMARY KEY(`site_id`, `day`, `top_step`, `churned`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `report_orders` (
	`site_id` text NOT NULL,
	`profile_id` text NOT NULL,
	`order_id` text NOT NULL,
	`at` integer NOT NULL,
	`value` real NOT NULL,
	`stage` text NOT NULL,
	`first` integer NOT NULL,
	PRIMARY KEY(`site_id`, `profile_id`, `order_id`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `report_orders_daily` (
	`site_id` text NOT NULL,
	`day` text NOT NULL,
	`stage` text NOT NULL,
	`orders` integer NOT NULL,
	`first_orders` integer NOT NULL,
	`revenue` real NOT NULL,
	PRIMARY KEY(`site_id`, `day`, `stage`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `report_people` (
	`site_id` text NOT NULL,
	`profile_id` text NOT NULL,
	`first_seen_at` integer NOT NULL,
	`engaged_at` integer,
	`first_order_at` integer,
	`repeat_at` integer,
	`loyal_at` integer,
	`dormant_at` integer,
	`top_step` integer GENERATED ALWAYS AS (CASE WHEN loyal_at IS NOT NULL THEN 4 WHEN repeat_at IS NOT NULL THEN 3 WHEN first_order_at IS NOT NULL THEN 2 WHEN engaged_at IS NOT NULL THEN 1 ELSE 0 END) VIRTUAL,
	`churned` integer GENERATED ALWAYS AS (coalesce(dormant_at >= coalesce(loyal_at, repeat_at, first_order_at, engaged_at, first_seen_at), 0)) VIRTUAL,
	PRIMARY KEY(`site_id`, `profile_id`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `report_rfm_daily` (
	`site_id` text NOT NULL,
	`day` text NOT NULL,
	`orders` integer NOT NULL,
	`people` integer NOT NULL,
	`revenue` real NOT NULL,
	PRIMARY KEY(`site_id`, `day`, `orders`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
/* The aggregates the reports read stay equal to a recount of the rows the evaluation hook keeps
   (admin/reports/rollups/): every insert, update and delete moves one row's contribution, so a customer absorbing
   a device, a cancelled order and an erasure need no code of their own here. A count left at 0 is harmless. */
CREATE TRIGGER `report_people_ai` AFTER INSERT ON `report_people` BEGIN
  INSERT INTO `report_loyalty_daily` (site_id, day, top_step, churned, people)
  VALUES (NEW.site_id, strftime('%Y-%m-%d', NEW.first_seen_at / 1000, 'unixepoch'), NEW.top_step, NEW.churned, 1)
  ON CONFLICT DO UPDATE SET people = people + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `report_people_au` AFTER UPDATE ON `report_people`
WHEN OLD.first_seen_at IS NOT NEW.first_seen_at OR OLD.top_step IS NOT NEW.top_step OR OLD.churned IS NOT NEW.churned BEGIN
  UPDATE `report_loyalty_daily` SET people = people - 1
  WHERE site_id = OLD.site_id AND day = strftime('%Y-%m-%d', OLD.first_seen_at / 1000, 'unixepoch') AND top_step = OLD.top_step AND churned = OLD.churned;
  INSERT INTO `report_loyalty_daily` (site_id, day, top_step, churned, people)
  VALUES (NEW.site_id, strftime('%Y-%m-%d', NEW.first_seen_at / 1000, 'unixepoch'), NEW.top_step, NEW.churned, 1)
  ON CONFLICT DO UPDATE SET people = people + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `report_people_ad` AFTER DELETE ON `report_people` BEGIN
  UPDATE `report_loyalty_daily` SET people = people - 1
  WHERE site_id = OLD.site_id AND day = strftime('%Y-%m-%d', OLD.first_seen_at / 1000, 'unixepoch') AND top_step = OLD.top_step AND churned = OLD.churned;
END;
--> statement-breakpoint
CREATE TRIGGER `report_orders_ai` AFTER INSERT ON `report_orders` BEGIN
  INSERT INTO `report_orders_daily` (site_id, day, stage, orders, first_orders, revenue)
  VALUES (NEW.site_id, strftime('%Y-%m-%d', NEW.at / 1000, 'unixepoch'), NEW.stage, 1, NEW.first, NEW.value)
  ON CONFLICT DO UPDATE SET orders = orders + 1, first_orders = first_orders + excluded.first_orders, revenue = revenue + excluded.revenue;
END;
--> statement-breakpoint
CREATE TRIGGER `report_orders_au` AFTER UPDATE ON `report_orders`
WHEN OLD.at IS NOT NEW.at OR OLD.stage IS NOT NEW.stage OR OLD.first IS NOT NEW.first OR OLD.value IS NOT NEW.value BEGIN
  UPDATE `report_orders_daily` SET orders = orders - 1, first_orders = first_orders - OLD.first, revenue = revenue - OLD.value
  WHERE site_id = OLD.site_id AND day = strftime('%Y-%m-%d', OLD.at / 1000, 'unixepoch') AND stage = OLD.stage;
  INSERT INTO `report_orders_daily` (site_id, day, stage, orders, first_orders, revenue)
  VALUES (NEW.site_id, strftime('%Y-%m-%d', NEW.at / 1000, 'unixepoch'), NEW.stage, 1, NEW.first, NEW.value)
  ON CONFLICT DO UPDATE SET orders = orders + 1, first_orders = first_orders + excluded.first_orders, revenue = revenue + excluded.revenue;
END;
--> statement-breakpoint
CREATE TRIGGER `report_orders_ad` AFTER DELETE ON `report_orders` BEGIN
  UPDATE `report_orders_daily` SET orders = orders - 1, first_orders = first_orders - OLD.first, revenue = revenue - OLD.value
  WHERE site_id = OLD.site_id AND day = strftime('%Y-%m-%d', OLD.at / 1000, 'unixepoch') AND stage = OLD.stage;
END;
--> statement-breakpoint
CREATE TRIGGER `report_buyers_ai` AFTER INSERT ON `report_buyers` BEGIN
  INSERT INTO `report_cohorts` (site_id, cohort_month, repeat_mask, buyers) VALUES (NEW.site_id, NEW.cohort_month, NEW.repeat_mask, 1)
  ON CONFLICT DO UPDATE SET buyers = buyers + 1;
  INSERT INTO `report_rfm_daily` (site_id, day, orders, people, revenue)
  VALUES (NEW.site_id, strftime('%Y-%m-%d', NEW.last_order_at / 1000, 'unixepoch'), NEW.orders, 1, NEW.revenue)
  ON CONFLICT DO UPDATE SET people = people + 1, revenue = revenue + excluded.revenue;
END;
--> statement-breakpoint
CREATE TRIGGER `report_buyers_au` AFTER UPDATE ON `report_buyers`
WHEN OLD.cohort_month IS NOT NEW.cohort_month OR OLD.repeat_mask IS NOT NEW.repeat_mask OR OLD.last_order_at IS NOT NEW.last_order_at
  OR OLD.orders IS NOT NEW.orders OR OLD.revenue IS NOT NEW.revenue BEGIN
  UPDATE `report_cohorts` SET buyers = buyers - 1 WHERE site_id = OLD.site_id AND cohort_month = OLD.cohort_month AND repeat_mask = OLD.repeat_mask;
  INSERT INTO `report_cohorts` (site_id, cohort_month, repeat_mask, buyers) VALUES (NEW.site_id, NEW.cohort_month, NEW.repeat_mask, 1)
  ON CONFLICT DO UPDATE SET buyers = buyers + 1;
  UPDATE `report_rfm_daily` SET people = people - 1, revenue = revenue - OLD.revenue
  WHERE site_id = OLD.site_id AND day = strftime('%Y-%m-%d', OLD.last_order_at / 1000, 'unixepoch') AND orders = OLD.orders;
  INSERT INTO `report_rfm_daily` (site_id, day, orders, people, revenue)
  VALUES (NEW.site_id, strftime('%Y-%m-%d', NEW.last_order_at / 1000, 'unixepoch'), NEW.orders, 1, NEW.revenue)
  ON CONFLICT DO UPDATE SET people = people + 1, revenue = revenue + excluded.revenue;
END;
--> statement-breakpoint
CREATE TRIGGER `report_buyers_ad` AFTER DELETE ON `report_buyers` BEGIN
  UPDATE `report_cohorts` SET buyers = buyers - 1 WHERE site_id = OLD.site_id AND cohort_month = OLD.cohort_month AND repeat_mask = OLD.repeat_mask;
  UPDATE `report_rfm_daily` SET people = people - 1, revenue = revenue - OLD.revenue
  WHERE site_id = OLD.site_id AND day = strftime('%Y-%m-%d', OLD.last_order_at / 1000, 'unixepoch') AND orders = OLD.orders;
END;
--> statement-breakpoint
/* Data half: the rollups of what is stored already, as the evaluation hook would have written them (the triggers
   above build the aggregates). One pass over stage_transitions and over the profiles' folded facts; a person's
   stage at an order is the stage of their latest change before it. INDEXED BY: without statistics the planner
   serves min(at) from the site's time index, a scan of every change per person. */
INSERT INTO `report_flow_daily` (site_id, day, from_stage, to_stage, count)
SELECT site_id, strftime('%Y-%m-%d', at / 1000, 'unixepoch'), coalesce(from_stage, ''), to_stage, count(*) FROM `stage_transitions` GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO `report_people` (site_id, profile_id, first_seen_at, engaged_at, first_order_at, repeat_at, loyal_at, dormant_at)
SELECT p.site_id, p.profile_id, json_extract(p.facts, '$.firstSeenAt'),
  (SELECT min(t.at) FROM `stage_transitions` t INDEXED BY `stage_transitions_profile_idx` WHERE t.site_id = p.site_id AND t.profile_id = p.profile_id AND t.to_stage = 'here_and_now'),
  (SELECT json_extract(o.value, '$.at') FROM json_each(p.facts, '$.orders') o ORDER BY json_extract(o.value, '$.at') LIMIT 1),
  (SELECT json_extract(o.value, '$.at') FROM json_each(p.facts, '$.orders') o ORDER BY json_extract(o.value, '$.at') LIMIT 1 OFFSET 1),
  (SELECT min(t.at) FROM `stage_transitions` t INDEXED BY `stage_transitions_profile_idx` WHERE t.site_id = p.site_id AND t.profile_id = p.profile_id AND t.to_stage = 'loyal'),
  (SELECT max(t.at) FROM `stage_transitions` t INDEXED BY `stage_transitions_profile_idx` WHERE t.site_id = p.site_id AND t.profile_id = p.profile_id AND t.to_stage = 'dormant')
FROM `profiles` p WHERE p.facts IS NOT NULL;
--> statement-breakpoint
INSERT INTO `report_orders` (site_id, profile_id, order_id, at, value, stage, first)
SELECT x.site_id, x.profile_id, x.order_id, x.at, x.value,
  coalesce((SELECT t.to_stage FROM `stage_transitions` t INDEXED BY `stage_transitions_profile_idx` WHERE t.site_id = x.site_id AND t.profile_id = x.profile_id AND t.at < x.at ORDER BY t.id DESC LIMIT 1), 'potential'),
  row_number() OVER (PARTITION BY x.site_id, x.profile_id ORDER BY x.at, x.order_id) = 1
FROM (
  SELECT p.site_id, p.profile_id, json_extract(o.value, '$.id') AS order_id, json_extract(o.value, '$.at') AS at, json_extract(o.value, '$.value') AS value
  FROM `profiles` p, json_each(p.facts, '$.orders') o WHERE p.facts IS NOT NULL
) AS x WHERE true ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO `report_buyers` (site_id, profile_id, orders, first_order_at, last_order_at, revenue, cohort_month, repeat_mask, sample_key)
SELECT b.site_id, b.profile_id, b.orders, b.first_at, b.last_at, b.revenue, strftime('%Y-%m', b.first_at / 1000, 'unixepoch'),
  -- bit k: an order in month k after the first-order month (k = 1…48); bit 0: two orders or more within it
  (SELECT coalesce(sum(1 << m.k), 0) FROM (
     SELECT DISTINCT (CAST(strftime('%Y', o.at / 1000, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', o.at / 1000, 'unixepoch') AS INTEGER))
       - (CAST(strftime('%Y', b.first_at / 1000, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', b.first_at / 1000, 'unixepoch') AS INTEGER)) AS k
     FROM `report_orders` o WHERE o.site_id = b.site_id AND o.profile_id = b.profile_id) m WHERE m.k BETWEEN 1 AND 48)
  + ((SELECT count(*) FROM `report_orders` o WHERE o.site_id = b.site_id AND o.profile_id = b.profile_id
      AND strftime('%Y-%m', o.at / 1000, 'unixepoch') = strftime('%Y-%m', b.first_at / 1000, 'unixepoch')) >= 2),
  abs(random()) % 2147483648
FROM (SELECT site_id, profile_id, count(*) AS orders, min(at) AS first_at, max(at) AS last_at, sum(value) AS revenue FROM `report_orders` GROUP BY site_id, profile_id) AS b;
