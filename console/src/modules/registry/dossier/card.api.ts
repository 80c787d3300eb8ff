import { downloadFile } from '../../../providers/http';

/** 明白卡's calls, as data-provider methods (registryCalls). */
export const cardCalls = {
  /** The household's 明白卡 of a year (this year when absent) as a one-page PDF; its file's name. */
  householdCardPdf: (id: string, householdNo: string, year?: number): Promise<string> =>
    downloadFile(
      `/households/${encodeURIComponent(id)}/card.pdf${year ? `?year=${year}` : ''}`,
      `明白卡-${householdNo}.pdf`,
    ),
};
