import type { CourseArea } from '../course/courseArea.js';
import {
  bedAgreementEnded, bedAgreementMade, bedAgreementRenewed, decideEndBedAgreement, decideMakeBedAgreement, decideRenewBedAgreement, endBedAgreementCommand,
  evolveBedAgreement, makeBedAgreementCommand, renewBedAgreementCommand,
  type BedAgreementEnded, type BedAgreementMade, type BedAgreementRenewed, type EndBedAgreement, type MakeBedAgreement, type RenewBedAgreement,
} from './bedAgreement.js';
import {
  bedStayCheckedIn, bedStayCheckedOut, checkInBedStayCommand, checkOutBedStayCommand, decideCheckInBedStay, decideCheckOutBedStay, evolveBedStay,
  type BedStayCheckedIn, type BedStayCheckedOut, type CheckInBedStay, type CheckOutBedStay,
} from './bedStay.js';
import {
  bedStayDenied, bedStayGranted, bedStayRequested, decideDenyBedStay, decideGrantBedStay, decideRequestBedStay, denyBedStayCommand, evolveBedStayRequest,
  grantBedStayCommand, requestBedStayCommand,
  type BedStayDenied, type BedStayGranted, type BedStayRequested, type DenyBedStay, type GrantBedStay, type RequestBedStay,
} from './bedStayRequest.js';

type BedCommand = MakeBedAgreement | RenewBedAgreement | EndBedAgreement | RequestBedStay | GrantBedStay | DenyBedStay | CheckInBedStay | CheckOutBedStay;
type BedEvent =
  | BedAgreementMade | BedAgreementRenewed | BedAgreementEnded | BedStayRequested | BedStayGranted | BedStayDenied | BedStayCheckedIn | BedStayCheckedOut;

/** The user-controlled bed (brukerstyrt seng): the agreement, requests, and stays with their nights. */
export const bedArea: CourseArea<BedCommand, BedEvent> = {
  name: 'userControlledBed',
  commands: [
    makeBedAgreementCommand, renewBedAgreementCommand, endBedAgreementCommand, requestBedStayCommand, grantBedStayCommand, denyBedStayCommand,
    checkInBedStayCommand, checkOutBedStayCommand,
  ],
  events: [bedAgreementMade, bedAgreementRenewed, bedAgreementEnded, bedStayRequested, bedStayGranted, bedStayDenied, bedStayCheckedIn, bedStayCheckedOut],
  retractable: [],
  decide(command, state, context) {
    switch (command.type) {
      case 'MakeBedAgreement':
        return decideMakeBedAgreement(command, state, context);
      case 'RenewBedAgreement':
        return decideRenewBedAgreement(command, state, context);
      case 'EndBedAgreement':
        return decideEndBedAgreement(command, state, context);
      case 'RequestBedStay':
        return decideRequestBedStay(command, state, context);
      case 'GrantBedStay':
        return decideGrantBedStay(command, state, context);
      case 'DenyBedStay':
        return decideDenyBedStay(command, state, context);
      case 'CheckInBedStay':
        return decideCheckInBedStay(command, state, context);
      case 'CheckOutBedStay':
        return decideCheckOutBedStay(command, state, context);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'BedAgreementMade':
      case 'BedAgreementRenewed':
      case 'BedAgreementEnded':
        return { ...state, bed: evolveBedAgreement(state.bed, event) };
      case 'BedStayRequested':
      case 'BedStayGranted':
      case 'BedStayDenied':
        return { ...state, bed: evolveBedStayRequest(state.bed, event) };
      case 'BedStayCheckedIn':
      case 'BedStayCheckedOut':
        return { ...state, bed: evolveBedStay(state.bed, event) };
    }
  },
};
