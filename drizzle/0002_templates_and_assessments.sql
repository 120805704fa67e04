CREATE TABLE `current_templates` (
	`domain` text PRIMARY KEY NOT NULL,
	`template_key` text NOT NULL,
	`set_at` text NOT NULL,
	`set_by` text NOT NULL,
	FOREIGN KEY (`template_key`) REFERENCES `templates`(`key`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `templates` (
	`key` text PRIMARY KEY NOT NULL,
	`template_id` text NOT NULL,
	`domain` text NOT NULL,
	`version` text NOT NULL,
	`title` text NOT NULL,
	`content_hash` text NOT NULL,
	`content` text NOT NULL,
	`source` text NOT NULL,
	`installed_at` text NOT NULL,
	`installed_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `templates_id_version_unique` ON `templates` (`template_id`,`version`);--> statement-breakpoint
CREATE INDEX `templates_domain_idx` ON `templates` (`domain`);--> statement-breakpoint
CREATE TABLE `actions` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`answer_id` text,
	`ligature_point_id` text,
	`lineage_id` text NOT NULL,
	`type` text NOT NULL,
	`description` text NOT NULL,
	`owner` text NOT NULL,
	`due_date` text,
	`priority` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`answer_id`) REFERENCES `answers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`ligature_point_id`) REFERENCES `ligature_points`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `actions_assessment_idx` ON `actions` (`assessment_id`);--> statement-breakpoint
CREATE TABLE `answers` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`item_id` text NOT NULL,
	`area_id` text,
	`value` text NOT NULL,
	`na_reason` text,
	`note` text,
	`assessor_id` text NOT NULL,
	`answered_at` text NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`assessor_id`) REFERENCES `assessors`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `answers_assessment_idx` ON `answers` (`assessment_id`);--> statement-breakpoint
CREATE TABLE `assessment_areas` (
	`assessment_id` text NOT NULL,
	`area_id` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`supervision_tier` integer NOT NULL,
	PRIMARY KEY(`assessment_id`, `area_id`),
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `assessment_templates` (
	`assessment_id` text NOT NULL,
	`domain` text NOT NULL,
	`template_key` text NOT NULL,
	PRIMARY KEY(`assessment_id`, `domain`),
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`template_key`) REFERENCES `templates`(`key`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `assessors` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `assessors_assessment_idx` ON `assessors` (`assessment_id`);--> statement-breakpoint
CREATE TABLE `ligature_points` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`area_id` text NOT NULL,
	`item_id` text,
	`lineage_id` text NOT NULL,
	`element` text NOT NULL,
	`height_band` text NOT NULL,
	`tier` integer NOT NULL,
	`description` text NOT NULL,
	`controls` text NOT NULL,
	`likelihood_before` integer NOT NULL,
	`severity_before` integer NOT NULL,
	`likelihood_after` integer NOT NULL,
	`severity_after` integer NOT NULL,
	`assessor_id` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`assessor_id`) REFERENCES `assessors`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `ligature_points_assessment_idx` ON `ligature_points` (`assessment_id`);--> statement-breakpoint
ALTER TABLE `assessments` ADD `announced` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `assessments` ADD `signed_off_at` text;--> statement-breakpoint
ALTER TABLE `assessments` ADD `signed_off_by` text;--> statement-breakpoint
ALTER TABLE `assessments` ADD `previous_assessment_id` text;