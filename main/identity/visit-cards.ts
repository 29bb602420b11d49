// Whose applications a kiosk screen without a desk session may file: the people
// whose own ID card lay on this reader during the visit. The renderer's screens
// only ever file for the card's resident (or, as 代办, after a specialist's PIN),
// but a page someone scripted could send any number: the station itself refuses
// an applicant whose card it has not read since the visit began. The family-card
// question reads a second card in the same visit (the family member, taken away
// again): both count until the visit ends. Numbers only, in memory only.
export class VisitCards {
  private readonly ids = new Set<string>();

  /** A card whose number checks out was read. */
  read(idNumber: string): void {
    this.ids.add(idNumber);
  }

  has(idNumber: string): boolean {
    return this.ids.has(idNumber);
  }

  /**
   * The visit is over. A card still lying on the reader stays: the screen ends
   * the last visit when the next card is read, so that card began the next one.
   */
  endVisit(onReader: string | null): void {
    this.ids.clear();
    if (onReader) this.ids.add(onReader);
  }
}

export const VISIT_CARDS_SERVICE = 'visit-cards';
