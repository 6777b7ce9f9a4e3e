/** The error of a search index that could not be built, with the pages or messages it is about. */
export class SearchIndexError extends Error {
  constructor(
    message: string,
    readonly details: string[],
  ) {
    super(message);
    this.name = 'SearchIndexError';
  }
}
