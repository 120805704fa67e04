CREATE TABLE `area_assignments` (
	`assessment_id` text NOT NULL,
	`area_id` text NOT NULL,
	`assessor_id` text NOT NULL,
	`assigned_at` text NOT NULL,
	`assigned_by` text NOT NULL,
	PRIMARY KEY(`assessment_id`, `area_id`),
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`assessor_id`) REFERENCES `assessors`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `devices` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`self` integer DEFAULT false NOT NULL,
	`first_seen_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `handout_log` (
	`id` text PRIMARY KEY NOT NULL,
	`direction` text NOT NULL,
	`kind` text NOT NULL,
	`assessment_id` text,
	`board_id` text NOT NULL,
	`file_name` text NOT NULL,
	`digest` text NOT NULL,
	`device_id` text NOT NULL,
	`device_name` text NOT NULL,
	`file_exported_at` text NOT NULL,
	`exported_by` text NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`summary` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `handout_log_assessment_idx` ON `handout_log` (`assessment_id`);--> statement-breakpoint
CREATE INDEX `handout_log_board_idx` ON `handout_log` (`board_id`);--> statement-breakpoint
CREATE TABLE `record_states` (
	`assessment_id` text NOT NULL,
	`kind` text NOT NULL,
	`record_id` text NOT NULL,
	`live_hash` text,
	`live_content` text,
	PRIMARY KEY(`assessment_id`, `kind`, `record_id`),
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `record_versions` (
	`assessment_id` text NOT NULL,
	`kind` text NOT NULL,
	`record_id` text NOT NULL,
	`version_key` text NOT NULL,
	`clock` text NOT NULL,
	`deleted` integer NOT NULL,
	`content_key` text NOT NULL,
	`row` text NOT NULL,
	`device_id` text NOT NULL,
	`actor` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`assessment_id`, `kind`, `record_id`, `version_key`),
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE restrict
);
