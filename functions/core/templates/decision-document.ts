/**
 * Reading a decision's document safely: it is stored as unknown JSON, and no e-mail may ever say "undefined".
 */
import type { DecisionRecord } from '../model';
import type { Block } from './html';

export type DecisionDocument = DecisionRecord['document'];

export const textField = (document: DecisionDocument, key: string): string | undefined => {
  const value = document[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

export const listField = (document: DecisionDocument, key: string): string[] => {
  const value = document[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim()) : [];
};

/** Free text of several lines as one paragraph per line. */
export const paragraphs = (text: string): Block[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ kind: 'paragraph', text: line }));
