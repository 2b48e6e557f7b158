package org.workforceiam.okta;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A response body made while it is sent, so a test can serve hundreds of megabytes without holding
 * them: a prefix, one filler byte repeated, a suffix. It counts the bytes it handed to the socket,
 * so a test can assert how much of it the client pulled before it stopped.
 */
final class GeneratedBody implements MockResponseBody {
  private static final int CHUNK = 64 * 1024;

  private final byte[] prefix;
  private final byte filler;
  private final long fillerBytes;
  private final byte[] suffix;
  private final AtomicLong written = new AtomicLong();
  private final CountDownLatch finished = new CountDownLatch(1);

  GeneratedBody(String prefix, char filler, long fillerBytes, String suffix) {
    this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
    this.filler = (byte) filler;
    this.fillerBytes = fillerBytes;
    this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public long getContentLength() {
    return prefix.length + fillerBytes + suffix.length;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    try {
      write(sink, prefix, prefix.length);
      byte[] chunk = new byte[CHUNK];
      Arrays.fill(chunk, filler);
      for (long left = fillerBytes; left > 0; ) {
        int n = (int) Math.min(CHUNK, left);
        write(sink, chunk, n);
        left -= n;
      }
      write(sink, suffix, suffix.length);
    } finally {
      finished.countDown();
    }
  }

  private void write(BufferedSink sink, byte[] bytes, int count) throws IOException {
    sink.write(bytes, 0, count);
    sink.flush();
    written.addAndGet(count);
  }

  /**
   * Waits until the server stopped sending, because the body was sent whole or the client closed
   * the connection, and returns how many bytes it sent.
   */
  long bytesSentInTheEnd() throws InterruptedException {
    if (!finished.await(60, TimeUnit.SECONDS)) {
      throw new AssertionError("the server is still sending after a minute: nothing stopped it");
    }
    return written.get();
  }
}
