import { ImportWizard as Wizard } from '../../../common/imports/ImportWizard';

/**
 * 导入贫困户 — download the template, fill it in Excel, upload it. The import then runs
 * as a background job whose page shows its progress and report.
 */
export default function ImportWizard() {
  return (
    <Wizard
      messages="resources.imports.wizard"
      templateUrl="/api/registry/imports/template.xlsx"
      templateName="贫困户导入模板.xlsx"
      uploadUrl={(file) =>
        `/api/registry/imports/households?fileName=${encodeURIComponent(file.name)}`
      }
      resource="imports"
    />
  );
}
