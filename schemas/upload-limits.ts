/**
 * The facts of evidence files that hold without a schema: the kinds of file taken, their content types, the
 * limits, and an upload's states (docs/documents.md). Kept apart from the Zod schemas of schemas/uploads.ts so the
 * promote function, which checks bytes and never parses a request, bundles and evaluates no schema.
 */
export const fileKinds = ['pdf', 'jpeg', 'png', 'heic', 'docx', 'odt', 'asice'] as const;
export type FileKind = (typeof fileKinds)[number];

/** The content types a client may declare for each kind (the presigned POST fixes the one declared). */
export const contentTypesOf: Readonly<Record<FileKind, readonly string[]>> = {
  pdf: ['application/pdf'],
  jpeg: ['image/jpeg'],
  png: ['image/png'],
  heic: ['image/heic', 'image/heif'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  odt: ['application/vnd.oasis.opendocument.text'],
  // eDoc (.edoc) is the Latvian name of an ASiC-E container.
  asice: ['application/vnd.etsi.asic-e+zip', 'application/x-edoc'],
};

export const uploadLimits = {
  fileBytes: 10 * 1024 * 1024,
  applicationBytes: 30 * 1024 * 1024,
  applicationFiles: 20,
  /** How long the presigned POST may be used. */
  postSeconds: 5 * 60,
  /** How long a staff download link lives. */
  downloadSeconds: 60,
  /** How long EventBridge keeps retrying to hand a scan result to the promote function (the rule's maxEventAge). */
  scanResultDeliverySeconds: 2 * 60 * 60,
  /**
   * How long after its POST expires a pending upload still counts against its owner's limits: a file posted in the
   * last second is scanned (an hour allowed) and its result may take the rule's retries to arrive. After that it
   * can no longer become clean, and its reservation lapses (docs/documents.md, "Reservations that lapse").
   */
  scanGraceSeconds: 3 * 60 * 60,
} as const;

export const uploadStates = ['pending', 'clean', 'rejected'] as const;
export type UploadState = (typeof uploadStates)[number];

/** Why an upload was refused; each has a lv/en message saying what to do (schemas/messages.ts). */
export const rejectionReasons = ['malware', 'type_mismatch', 'size_mismatch', 'encrypted_pdf', 'unsupported', 'scan_failed', 'not_received'] as const;
export type RejectionReason = (typeof rejectionReasons)[number];
