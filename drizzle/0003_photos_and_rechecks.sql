CREATE TABLE `photos` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`answer_id` text,
	`ligature_point_id` text,
	`sha256` text NOT NULL,
	`mime_type` text NOT NULL,
	`byte_size` integer NOT NULL,
	`width` integer,
	`height` integer,
	`caption` text,
	`bytes` blob NOT NULL,
	`assessor_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`answer_id`) REFERENCES `answers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`ligature_point_id`) REFERENCES `ligature_points`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`assessor_id`) REFERENCES `assessors`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `photos_assessment_idx` ON `photos` (`assessment_id`);--> statement-breakpoint
CREATE TABLE `rechecks` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`subject` text NOT NULL,
	`previous_id` text NOT NULL,
	`lineage_id` text NOT NULL,
	`outcome` text,
	`current_id` text,
	`note` text,
	`assessor_id` text,
	`decided_at` text,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`assessor_id`) REFERENCES `assessors`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rechecks_subject_idx` ON `rechecks` (`assessment_id`,`subject`,`previous_id`);