ALTER TABLE `assessments` ADD `ward_type` text;--> statement-breakpoint
ALTER TABLE `assessments` ADD `bed_count` integer;