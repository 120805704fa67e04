CREATE TABLE `assessment_scores` (
	`assessment_id` text PRIMARY KEY NOT NULL,
	`engine` text NOT NULL,
	`scores` text NOT NULL,
	`computed_at` text NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE restrict
);
