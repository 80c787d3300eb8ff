import { z } from 'zod';

export const idSchema = z.string().min(1).max(64);

/** react-admin's getMany sends `filter={"id":[…]}`. */
export const idFilter = z.union([idSchema, z.array(idSchema).max(500)]).optional();

export const oneOrMany = <T extends z.ZodType>(s: T) => z.union([s, z.array(s).max(50)]).optional();

export const revisionSchema = z.number().int().positive();

export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
