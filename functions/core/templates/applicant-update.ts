/**
 * The applicant's e-mail about a change of status, in their language: what changed, what it means, what to do
 * next, any deadline, and how to follow the application. Covers every decision type and a withdrawal; the words
 * per situation are in wording/<language>.ts.
 */
import type { Application } from '../model';
import { calendarDate, formatInstant } from './date-formats';
import { listField, paragraphs, textField, type DecisionDocument } from './decision-document';
import type { Block, Email } from './html';
import { applicantEmail, applicationFacts, type Fact } from './parts';
import { changeDate, resolve, type ApplicantChange } from './status-change';
import { wording } from './wording/languages';
import type { Details, Situation, Wording } from './wording/types';

/** The decision's own words: documents asked for, reasons, how to appeal, recommendations, road map. */
const decisionSpecifics = (situation: Situation, document: DecisionDocument, details: Details, copy: Wording['update']): Block[] => {
  const specifics: Block[] = [];
  const reason = textField(document, 'reason');
  switch (situation) {
    case 'request-documents':
      if (details.documents.length > 0) {
        specifics.push({ kind: 'heading', text: copy.documentsHeading }, { kind: 'steps', items: details.documents });
      }
      break;
    case 'refuse': {
      if (reason) specifics.push({ kind: 'heading', text: copy.refusalReasonHeading }, ...paragraphs(reason));
      const appeal = textField(document, 'appeal');
      specifics.push({ kind: 'heading', text: copy.appealHeading }, { kind: 'paragraph', text: copy.appealGeneral });
      if (appeal) specifics.push(...paragraphs(appeal));
      break;
    }
    case 'complete': {
      const recommendations = textField(document, 'recommendations');
      if (recommendations) specifics.push({ kind: 'heading', text: copy.recommendationsHeading }, ...paragraphs(recommendations));
      const roadMap = textField(document, 'roadMap');
      if (roadMap) {
        specifics.push({ kind: 'heading', text: copy.roadMapHeading }, { kind: 'paragraph', text: copy.roadMapIntro }, ...paragraphs(roadMap));
      }
      if (reason) specifics.push({ kind: 'heading', text: copy.reasonHeading }, ...paragraphs(reason));
      break;
    }
    default:
      // Every decision may carry an optional reason; not-started and postpone always do.
      if (reason) specifics.push({ kind: 'heading', text: copy.reasonHeading }, ...paragraphs(reason));
  }
  return specifics;
};

/** Throws a TypeError when `kind` is `decision` without a decision record. */
export const applicantUpdate = (application: Application, change: ApplicantChange, portalUrl: string): Email => {
  const language = application.language;
  const words = wording[language];
  const copy = words.update;
  const labels = words.labels;
  const { situation, to, decision } = resolve(change);
  const document: DecisionDocument = decision?.document ?? {};
  const date = (key: string) => {
    const value = textField(document, key);
    return value === undefined ? undefined : calendarDate(value, language);
  };

  // Only while queued: a place in the queue means nothing on a grant or a refusal.
  const queuePosition =
    to === 'queued' && typeof change.queuePosition === 'number' && Number.isInteger(change.queuePosition) && change.queuePosition > 0
      ? change.queuePosition
      : undefined;
  const details: Details = {
    deadline: situation === 'request-documents' ? date('deadline') : undefined,
    documents: situation === 'request-documents' ? listField(document, 'documents') : [],
    urgent: situation === 'grant' && document.urgent === true,
    startsOn: situation === 'grant' ? date('startsOn') : undefined,
    until: situation === 'postpone' ? date('until') : undefined,
    roadMap: situation === 'complete' && textField(document, 'roadMap') !== undefined,
    queuePosition,
  };
  const explanation = copy.situations[situation](details);

  const facts: Fact[] = [
    ...applicationFacts(application, language),
    [labels.status, words.statusNames[to]],
    [decision ? labels.decisionDate : labels.date, formatInstant(changeDate(change), 'instant-date', language)],
  ];
  if (details.deadline) facts.push([labels.deadline, details.deadline]);
  if (queuePosition !== undefined) facts.push([labels.queuePosition, String(queuePosition)]);
  if (details.startsOn) facts.push([labels.startsOn, details.startsOn]);
  if (details.until) facts.push([labels.until, details.until]);
  const startedOn = situation === 'start' ? date('startedOn') : undefined;
  if (startedOn) facts.push([labels.startedOn, startedOn]);
  const completedOn = situation === 'complete' ? date('completedOn') : undefined;
  if (completedOn) facts.push([labels.completedOn, completedOn]);

  return applicantEmail(
    application,
    portalUrl,
    copy.subject(application.reference, words.statusNames[to]),
    [
      { kind: 'heading', text: copy.changedHeading },
      { kind: 'paragraph', text: explanation.changed },
      { kind: 'facts', items: facts },
      { kind: 'heading', text: copy.meansHeading },
      ...explanation.means.map((text): Block => ({ kind: 'paragraph', text })),
      ...decisionSpecifics(situation, document, details, copy),
      { kind: 'heading', text: copy.nextHeading },
      { kind: 'steps', items: explanation.next },
    ],
    copy.quoteReference,
  );
};
