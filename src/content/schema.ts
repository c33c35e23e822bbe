/**
 * The content model: the one schema that the build, `npm run check` and the importer use.
 *
 * Field names follow GB/T 9704-2012 (党政机关公文格式) where it names the element:
 * 标题 title, 发文字号 number, 发文机关 issuers, 成文日期 date, 主送机关 recipients.
 * Errors are worded for editors: what was expected and how to fix it.
 */
import { z } from 'zod';
import { parseIsoDate, parseIsoMonth } from '../domain/dates';
import { deriveDocumentType, DOCUMENT_TYPES } from '../domain/doc-type';
import { normalizeDocNumber } from '../domain/doc-number';

const text = z
  .string({ error: 'expected text' })
  .trim()
  .min(1, { error: 'must not be empty' });

export const isoDate = z
  .string({ error: 'expected a date written YYYY-MM-DD, e.g. 2020-05-24' })
  .refine((value) => parseIsoDate(value) !== null, {
    error: (issue) => `"${String(issue.input)}" is not a real date written YYYY-MM-DD, e.g. 2020-05-24`,
  });

const isoMonth = z
  .string({ error: 'expected a month written YYYY-MM, e.g. 2003-01' })
  .refine((value) => parseIsoMonth(value) !== null, {
    error: (issue) => `"${String(issue.input)}" is not a month written YYYY-MM, e.g. 2003-01`,
  });

/** A 发文字号 or order number in any accepted spelling, stored canonically (〔〕, no spaces). */
export const docNumber = z
  .string({ error: 'expected a document number such as 淄政办字〔2020〕54号' })
  .transform((value, context) => {
    const canonical = normalizeDocNumber(value);
    if (canonical === null) {
      context.addIssue({
        code: 'custom',
        message: `"${value}" is not a document number: write it like 淄政办字〔2020〕54号 or 市政府令第102号`,
      });
      return z.NEVER;
    }
    return canonical;
  });

const positiveInteger = (what: string) =>
  z.number({ error: `expected ${what} as a whole number` }).int({ error: `expected ${what} as a whole number` }).positive({ error: `${what} must be at least 1` });

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

/** `content/<gazette>/gazette.yaml` */
export const gazetteSchema = z.strictObject({
  name: text,
  romanizedName: text.optional(),
  publisher: text,
  editor: text,
  founded: isoMonth.optional(),
  address: text.optional(),
  phone: z.union([text, z.number().transform(String)]).optional(),
  postcode: z
    .union([z.string(), z.number().transform(String)])
    .refine((value) => /^\d{6}$/.test(value), { error: 'expected a six-digit postcode' })
    .optional(),
  /** 简介, Markdown. */
  about: text.optional(),
  /**
   * The archive's source repository, for "edit this file" links on document pages
   * (`<repository>/edit/<branch>/<path>`); GAZETTE_REPOSITORY overrides it.
   */
  repository: httpUrl.optional(),
});

/** `content/<gazette>/<year>/<issue>/issue.yaml` */
export const issueSchema = z.strictObject({
  year: positiveInteger('the year').refine((year) => year >= 1949 && year <= 2100, {
    error: 'the year must be between 1949 and 2100',
  }),
  number: positiveInteger('the issue number (期)'),
  cumulative: positiveInteger('the cumulative number (总第N期)').optional(),
  published: isoDate.optional(),
  /**
   * 栏目 in printed order. Absent or empty: the issue is not divided into sections (its TOC
   * prints only entries), and then its documents have no `section`; otherwise each has one of
   * these (archive.ts checks both).
   */
  sections: z
    .array(text, { error: 'expected a list of section names in printed order' })
    .refine((names) => new Set(names).size === names.length, { error: 'section names must be unique' })
    .default([]),
  pdf: httpUrl.or(z.string().regex(/^[\w./-]+\.pdf$/i, { error: 'expected a URL or a relative path to a .pdf file' })).optional(),
});

const forwardedDocument = z.strictObject({
  title: text,
  number: docNumber.optional(),
  issuers: z.array(text).min(1, { error: 'list at least one issuer of the forwarded document' }),
});

/** Frontmatter of one document file `content/<gazette>/<year>/<issue>/<slug>.md`. */
export const documentSchema = z
  .strictObject({
    title: text,
    number: docNumber.optional(),
    issuers: z
      .array(text, { error: 'expected a list of issuers (发文机关), one per line starting with "- "' })
      .min(1, { error: 'list at least one issuer (发文机关)' }),
    date: isoDate,
    recipients: z.array(text, { error: 'expected a list of recipients (主送机关)' }).default([]),
    /** 栏目: one of the issue's sections; absent when the issue declares none. */
    section: text.optional(),
    page: positiveInteger('the first page in the printed issue'),
    type: z
      .enum(DOCUMENT_TYPES, { error: `expected one of ${DOCUMENT_TYPES.join(' ')}` })
      .optional(),
    expires: isoDate.optional(),
    repeals: z.array(docNumber, { error: 'expected a list of document numbers' }).default([]),
    /** 修改: numbers of documents this one amends. */
    amends: z.array(docNumber, { error: 'expected a list of document numbers' }).default([]),
    /** 依据: numbers of the documents this one is issued under. */
    basis: z.array(docNumber, { error: 'expected a list of document numbers' }).default([]),
    forwards: forwardedDocument.optional(),
  })
  .superRefine((document, context) => {
    if (document.expires && document.expires < document.date) {
      context.addIssue({
        code: 'custom',
        path: ['expires'],
        message: `expires (${document.expires}) is before the document's date (${document.date})`,
      });
    }
    if (!document.type && !deriveDocumentType(document.title)) {
      // Reported at the title, which is what the editor reads; the fix is a line of its own.
      context.addIssue({
        code: 'custom',
        path: ['title'],
        message: `cannot tell the document type (文种) from the title "${document.title}": its last words name none; add a line "type: <文种>" under it, one of ${DOCUMENT_TYPES.join(' ')}`,
      });
    }
    if (document.number && document.repeals.includes(document.number)) {
      context.addIssue({ code: 'custom', path: ['repeals'], message: 'a document cannot repeal itself' });
    }
    if (document.number && document.amends.includes(document.number)) {
      context.addIssue({ code: 'custom', path: ['amends'], message: 'a document cannot amend itself' });
    }
    if (document.number && document.basis.includes(document.number)) {
      context.addIssue({ code: 'custom', path: ['basis'], message: 'a document cannot be its own basis (依据)' });
    }
    for (const number of document.amends) {
      if (document.repeals.includes(number)) {
        context.addIssue({
          code: 'custom',
          path: ['amends'],
          message: `${number} is listed under both repeals and amends; a document either repeals or amends another, keep one`,
        });
      }
    }
  })
  .transform((document) => ({
    ...document,
    type: document.type ?? deriveDocumentType(document.title)!,
  }));

export type Gazette = z.output<typeof gazetteSchema>;
export type Issue = z.output<typeof issueSchema>;
export type DocumentFrontmatter = z.output<typeof documentSchema>;
/** What an editor writes (before defaults and normalisation), e.g. for the scaffold tool. */
export type DocumentFrontmatterInput = z.input<typeof documentSchema>;

/** File and folder names. */
export const GAZETTE_FILE = 'gazette.yaml';
export const ISSUE_FILE = 'issue.yaml';
/** A gazette's folder name, also its id in URLs when several gazettes are published. */
export const GAZETTE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const YEAR_FOLDER = /^\d{4}$/;
/** Issue folders are the issue number, zero-padded to two digits: 07, 12, 24. */
export const ISSUE_FOLDER = /^\d{2,3}$/;
/** Document slugs: lower-case ASCII words, e.g. zzbz-2020-54. */
export const DOCUMENT_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function issueFolderName(number: number): string {
  return String(number).padStart(2, '0');
}
