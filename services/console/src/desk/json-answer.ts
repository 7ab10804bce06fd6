// Reports answer JSON, CSV or HTML from one path, so their generated type is the JSON body or a string;
// the desk asks for JSON and narrows the answer to it.

/** The JSON body of an answer that could also have been text. */
export function jsonAnswer<T>(body: T): Exclude<T, string> {
  if (typeof body === 'string') throw new TypeError('expected a JSON answer');
  return body as Exclude<T, string>;
}
