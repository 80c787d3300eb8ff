import { ImportWizard } from '../../../common/imports/ImportWizard';
import { BASE } from '../assistance.api';
import { MESSAGES } from './codes';

/**
 * 导入结对名单 — each row pairs a cadre (registered on first sight by unit and name) with a
 * household under the rank limits; the import's page then shows every refused row.
 */
export default function PairingImportWizard() {
  return (
    <ImportWizard
      messages={MESSAGES}
      templateUrl={`${BASE}/imports/template.xlsx`}
      templateName="结对帮扶导入模板.xlsx"
      uploadUrl={(file) => `${BASE}/imports/pairings?fileName=${encodeURIComponent(file.name)}`}
      resource="pairing-imports"
    />
  );
}
