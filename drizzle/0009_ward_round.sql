CREATE TABLE `fills` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`kind` text NOT NULL,
	`source_area_id` text,
	`area_ids` text NOT NULL,
	`assessor_id` text NOT NULL,
	`created_at` text NOT NULL,
	`answers_written` integer NOT NULL,
	`points_written` integer NOT NULL,
	`undone_at` text,
	`undone_by` text,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`source_area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`assessor_id`) REFERENCES `assessors`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`undone_by`) REFERENCES `assessors`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `fills_assessment_idx` ON `fills` (`assessment_id`);--> statement-breakpoint
ALTER TABLE `answers` ADD `fill_id` text REFERENCES fills(id);--> statement-breakpoint
ALTER TABLE `answers` ADD `copied_from_area_id` text REFERENCES areas(id);--> statement-breakpoint
ALTER TABLE `assessment_areas` ADD `position` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `assessment_areas` ADD `sample_area_id` text REFERENCES areas(id);--> statement-breakpoint
ALTER TABLE `assessments` ADD `ward_position` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `ligature_points` ADD `copied_from_point_id` text;--> statement-breakpoint
ALTER TABLE `ligature_points` ADD `fill_id` text REFERENCES fills(id);--> statement-breakpoint
ALTER TABLE `ligature_points` ADD `copy_confirmed_at` text;--> statement-breakpoint
ALTER TABLE `ligature_points` ADD `copy_confirmed_by` text REFERENCES assessors(id);--> statement-breakpoint
ALTER TABLE `photos` ADD `markup` text;