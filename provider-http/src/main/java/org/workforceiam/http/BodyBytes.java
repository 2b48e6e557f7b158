package org.workforceiam.http;

/**
 * The bytes of a page's body decoded so far: a tag the retry loop puts on a page's request only
 * when an event listener wants the page's size, and {@link JsonBodies} adds to as it reads.
 * Confined to the thread that reads the page.
 */
final class BodyBytes {
  long count;

  @Override
  public String toString() {
    return "BodyBytes{" + count + "}";
  }
}
