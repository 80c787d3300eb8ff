import {
  AttachedFiles,
  type AttachedFileRef,
  type AttachedFileView,
  type ScopedRepository,
} from '@fupin/kit';
import type { StoredFile } from './file.model';

export type FileView = AttachedFileView<StoredFile>;

/** What an aggregate keeps of an attached file. */
export type FileRef = AttachedFileRef;

/** 上传 — vouchers and project documents: the kit's attached files, with their purpose. */
export class FileService extends AttachedFiles<StoredFile> {
  constructor(deps: { files: ScopedRepository<StoredFile>; now: () => Date; maxBytes: number }) {
    super({ ...deps, codePrefix: 'FUNDS' });
  }
}
