/** Another patient already has this national identity number (its blind index is unique). */
export class DuplicateIdentityError extends Error {
  constructor() {
    super('A patient with this national identity number is already registered');
    this.name = 'DuplicateIdentityError';
  }
}

/** The patient's key is gone: nothing can be sealed for or opened of this patient any more. */
export class PatientErasedError extends Error {
  constructor(readonly patientId: string) {
    super(`Patient ${patientId} has been erased`);
    this.name = 'PatientErasedError';
  }
}

export class UnknownPatientError extends Error {
  constructor(readonly patientId: string) {
    super(`No patient ${patientId} in the vault`);
    this.name = 'UnknownPatientError';
  }
}

/** A sealed value failed authentication: it was altered, or belongs to another patient or purpose. */
export class TamperedCiphertextError extends Error {
  constructor() {
    super('Sealed value failed authentication');
    this.name = 'TamperedCiphertextError';
  }
}
