import Alert from '@mui/material/Alert';
import { BooleanInput, DateInput, TextInput, maxLength, required, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { InputGrid } from '../../../common/InputGrid';
import { formatYuan } from '../../../common/format';
import { YuanInput } from '../../../common/inputs';
import { SectionHeading } from '../../../common/SectionHeading';
import { useApi } from '../../../common/useApi';
import { useCalls } from '../../calls';
import { basisPointsToPercent, expectedRatio, expectedTopUp } from '../support.api';

const num = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : 0);

/**
 * 报付比例预览 — what the service will compute from the figures typed so far: the layers'
 * ratio of the cost and the top-up to the guaranteed ratio (90% unless configured).
 */
function TopUpPreview() {
  const calls = useCalls();
  const translate = useTranslate();
  const { data: reference } = useApi(() => calls.supportReference(), []);
  const [total, basic, serious, assistance] = useWatch({
    name: [
      'totalCostFen',
      'basicInsuranceFen',
      'seriousIllnessInsuranceFen',
      'medicalAssistanceFen',
    ],
  }) as unknown[];
  const target = reference?.topUpTargetBasisPoints ?? 9000;
  const cost = num(total);
  const reimbursed = num(basic) + num(serious) + num(assistance);
  if (cost <= 0) return null;
  if (reimbursed > cost) {
    return (
      <Alert severity="error" sx={{ my: 1 }}>
        {translate('resources.support-inpatient-episodes.preview_exceeds')}
      </Alert>
    );
  }
  const topUp = expectedTopUp(cost, reimbursed, target);
  return (
    <Alert severity={topUp > 0 ? 'warning' : 'success'} sx={{ my: 1 }} data-testid="top-up-preview">
      {translate('resources.support-inpatient-episodes.preview', {
        reimbursed: formatYuan(reimbursed),
        ratio: basisPointsToPercent(expectedRatio(cost, reimbursed)),
        target: basisPointsToPercent(target),
        topUp: formatYuan(topUp),
      })}
    </Alert>
  );
}

/** 住院信息与各项报销 — the hospital stay, its cost and what each layer paid. */
export const EpisodeInputs = () => (
  <>
    <InputGrid>
      <TextInput source="hospital" validate={[required(), maxLength(100)]} />
      <DateInput source="admittedOn" validate={required()} />
      <DateInput source="dischargedOn" />
      <TextInput source="diagnosis" validate={maxLength(200)} />
    </InputGrid>
    <BooleanInput source="treatFirstPayLater" />
    <SectionHeading label="resources.support-inpatient-episodes.sections.costs" />
    <InputGrid>
      <YuanInput source="totalCostFen" validate={required()} />
      <YuanInput source="basicInsuranceFen" validate={required()} />
      <YuanInput source="seriousIllnessInsuranceFen" validate={required()} />
      <YuanInput source="medicalAssistanceFen" validate={required()} />
    </InputGrid>
    <TopUpPreview />
  </>
);
