/**
 * Why an assessment cannot be signed off, in one sentence: the check's reasons, and how many of
 * the "other" controls a high or extreme risk rests on are still unconfirmed by the signer. The
 * store's refusal and the sign-off page say it in the same words.
 */
export function signOffRefusal(reasons: readonly string[], unconfirmedOtherControls: number): string {
  const n = unconfirmedOtherControls;
  const unconfirmed = n > 0 ? [`${n} high-risk ${n === 1 ? 'point rests' : 'points rest'} on an “other” control the lead has not confirmed`] : [];
  return `This assessment cannot be signed off yet: ${[...reasons, ...unconfirmed].join('; ')}.`;
}
