// Lists built for the engine's hot paths. V8 lays out the array Array.prototype.map returns
// differently depending on whether the calling code has been optimised (with room for holes) or
// not (without), and code optimised for one layout is thrown away when it meets the other. Over
// the national rescoring (400 wards scored by functions that warm up as they go) that happened
// again and again: tens of milliseconds of compiling per rescoring, on threads beside the main
// one. A list filled by push has the same layout whichever way its maker runs.

/** list.map(make), always laid out the same way (see above). */
export function mapPacked<T, U>(list: readonly T[], make: (value: T, index: number) => U): U[] {
  const made: U[] = [];
  for (let index = 0; index < list.length; index++) made.push(make(list[index]!, index));
  return made;
}
