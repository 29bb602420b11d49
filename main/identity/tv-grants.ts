// What a TV box may answer about: the numbers whose one-time code the family
// keyed in this visit. Held in memory only (a restart forgets them: the family
// keys the code again), cleared when the visit ends (the resident's session
// cleared: walk-away, 返回首页 after the timeout, the warning run out), and
// 30 minutes after the code at the latest, whatever the screen says.
export const GRANT_MINUTES = 30;

export class TvIdentityGrants {
  private readonly grants = new Map<string, number>();

  constructor(private readonly now: () => Date) {}

  grant(idNumber: string): void {
    this.grants.set(idNumber, this.now().getTime() + GRANT_MINUTES * 60_000);
  }

  has(idNumber: string): boolean {
    const until = this.grants.get(idNumber);
    if (until === undefined) return false;
    if (this.now().getTime() < until) return true;
    this.grants.delete(idNumber);
    return false;
  }

  /** The number whose code was keyed back last and still holds (whose family a call for help is from); null when none. */
  latest(): string | null {
    let best: [string, number] | null = null;
    for (const [id, until] of this.grants) if (this.has(id) && (!best || until > best[1])) best = [id, until];
    return best?.[0] ?? null;
  }

  /** The visit is over. */
  clear(): void {
    this.grants.clear();
  }
}

export const TV_GRANTS_SERVICE = 'tv-identity-grants';
