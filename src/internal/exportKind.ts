/**
 * The classification the hostile-input gate (tests/hostile) reads for every exported function:
 * - `edge`: takes outside data as its first argument (JSON, a FHIR resource, X12 text, a form
 *   field). Whatever that value is, it returns an `Either`, never throws, never mutates it, and
 *   its errors and warnings carry no patient data.
 * - `text`: takes outside text (a string) as its first argument and returns a plain value; it
 *   never throws on any string, however long or strange.
 * - `core`: takes values already validated by an edge function and trusts their types.
 */
export type ExportKind = 'edge' | 'text' | 'core';

/** One module's table: the name of each exported function and its {@link ExportKind}. */
export type ExportKinds = Readonly<Record<string, ExportKind>>;
