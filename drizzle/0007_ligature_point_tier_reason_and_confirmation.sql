ALTER TABLE `ligature_points` ADD `tier_reason` text;--> statement-breakpoint
ALTER TABLE `ligature_points` ADD `other_control_confirmed_by` text;--> statement-breakpoint
ALTER TABLE `ligature_points` ADD `other_control_confirmed_at` text;