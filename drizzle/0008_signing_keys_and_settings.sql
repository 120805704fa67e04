CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `trusted_keys` (
	`key_id` text PRIMARY KEY NOT NULL,
	`board_id` text NOT NULL,
	`board_name` text NOT NULL,
	`public_key` text NOT NULL,
	`key_created_at` text NOT NULL,
	`registered_at` text NOT NULL,
	`registered_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `trusted_keys_board_idx` ON `trusted_keys` (`board_id`);