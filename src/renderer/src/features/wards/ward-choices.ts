import { SEX_DESIGNATIONS, SEX_DESIGNATION_LABELS, WARD_TYPES, WARD_TYPE_LABELS } from '../../../../shared/domain/estate';
import type { Choice } from '../../components/SelectField';

export const WARD_TYPE_CHOICES: Choice[] = WARD_TYPES.map((type) => ({ value: type, label: WARD_TYPE_LABELS[type] }));

export const SEX_DESIGNATION_CHOICES: Choice[] = SEX_DESIGNATIONS.map((sex) => ({
  value: sex,
  label: SEX_DESIGNATION_LABELS[sex],
}));
