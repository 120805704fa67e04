-- Signed-off assessments made before the ward snapshot existed take the ward as it is now: the
-- best record there is, and what their scores (and cached scores) were computed against.
UPDATE `assessments`
SET `ward_type` = (SELECT `type` FROM `wards` WHERE `wards`.`id` = `assessments`.`ward_id`),
    `bed_count` = (SELECT `bed_count` FROM `wards` WHERE `wards`.`id` = `assessments`.`ward_id`)
WHERE `status` = 'signed_off' AND `ward_type` IS NULL;
