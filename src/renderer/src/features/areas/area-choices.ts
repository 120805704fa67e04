import { AREA_TYPES, AREA_TYPE_LABELS, SUPERVISION_TIERS, SUPERVISION_TIER_LABELS } from '../../../../shared/domain/estate';
import type { Choice } from '../../components/SelectField';

export const AREA_TYPE_CHOICES: Choice[] = AREA_TYPES.map((type) => ({ value: type, label: AREA_TYPE_LABELS[type] }));

export const TIER_CHOICES: Choice[] = SUPERVISION_TIERS.map((tier) => ({
  value: String(tier),
  label: SUPERVISION_TIER_LABELS[tier],
}));
