import { bi, type FieldError } from '@fupin/kit';

// 到户资金确认, pure: what makes a confirmation's evidence acceptable. A household's word is
// kept only with its evidence — a signature photo taken at that visit, or the code it gave.

export interface ReceiptEvidence {
  signaturePhotoId?: string | null;
  confirmationCode?: string | null;
}

/** What is wrong with the evidence of a confirmation at a visit holding these photos. */
export function evidenceProblems(e: ReceiptEvidence, visitPhotoIds: string[]): FieldError[] {
  if (!e.signaturePhotoId && !e.confirmationCode)
    return [
      {
        field: 'signaturePhotoId',
        code: 'evidence_required',
        message: bi('请上传签字照片或填写确认码', 'give a signature photo or a confirmation code'),
      },
    ];
  if (e.signaturePhotoId && !visitPhotoIds.includes(e.signaturePhotoId))
    return [
      {
        field: 'signaturePhotoId',
        code: 'not_of_visit',
        message: bi('签字照片须为本次走访的照片', 'must be a photo of this visit'),
      },
    ];
  return [];
}
