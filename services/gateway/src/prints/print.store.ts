import { mongo, type Connection } from 'mongoose';

// The finished files of the print jobs, in the gateway's database (GridFS: a village's handbook
// is many megabytes), by the job's id; a day old, they are deleted (the job is asked again).

const BUCKET = 'prints';
export const KEEP_FILES_MS = 24 * 3600 * 1000;

export class PrintFiles {
  private opened: mongo.GridFSBucket | undefined;
  private indexed: Promise<string> | undefined;

  constructor(private readonly conn: Connection) {}

  /** Opened on first use: the connection may still be opening when the gateway is composed. */
  private get bucket(): mongo.GridFSBucket {
    if (!this.conn.db) throw new Error('the gateway database is not open');
    this.opened ??= new mongo.GridFSBucket(this.conn.db, { bucketName: BUCKET });
    return this.opened;
  }

  /** Stores the file of job `jobId`; returns its id. */
  async put(jobId: string, bytes: Buffer, metadata: Record<string, string>): Promise<string> {
    const upload = this.bucket.openUploadStream(`${jobId}.pdf`, {
      metadata: { jobId, ...metadata },
    });
    await new Promise<void>((resolve, reject) => {
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(bytes);
    });
    return upload.id.toString();
  }

  /** The file of job `jobId`, or null when it is gone. */
  async get(fileId: string): Promise<Buffer | null> {
    const id = new mongo.ObjectId(fileId);
    const [file] = await this.bucket.find({ _id: id }).limit(1).toArray();
    if (!file) return null;
    const chunks: Buffer[] = [];
    for await (const c of this.bucket.openDownloadStream(id)) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }

  /**
   * Deletes the files older than a day; returns how many. The files are found by their upload
   * day through an index of it (GridFS's own index leads with the file's name).
   */
  async deleteOlderThanADay(now: Date): Promise<number> {
    this.indexed ??= this.conn.db!.collection(`${BUCKET}.files`).createIndex({ uploadDate: 1 });
    await this.indexed;
    const old = await this.bucket
      .find({ uploadDate: { $lt: new Date(now.getTime() - KEEP_FILES_MS) } })
      .project({ _id: 1 })
      .toArray();
    for (const f of old) await this.bucket.delete(f._id as mongo.ObjectId).catch(() => undefined);
    return old.length;
  }
}
