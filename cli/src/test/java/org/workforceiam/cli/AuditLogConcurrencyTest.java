package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several helpdesk processes may write one audit log at once: each line is appended whole under the
 * file's lock, so lines never interleave. Tested with two real processes and with two writers of
 * one JVM on separate channels (where a file lock alone would throw, since the JVM holds it).
 */
class AuditLogConcurrencyTest {
  private static final int LINES = 25;
  private static final int SIZE = 16 * 1024;

  @TempDir Path dir;

  @Test
  void linesOfTwoProcessesWritingAtOnceNeverInterleave() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<Process> writers = new ArrayList<>();
    for (String name : List.of("one", "two")) {
      writers.add(
          new ProcessBuilder(
                  java.toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  AuditLogAppender.class.getName(),
                  file.toString(),
                  name,
                  String.valueOf(LINES),
                  String.valueOf(SIZE))
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve(name + ".out").toFile())
              .start());
    }
    for (Process writer : writers) {
      assertThat(writer.waitFor(60, TimeUnit.SECONDS)).as("the writer ended").isTrue();
      assertThat(writer.exitValue()).as("%s", output(writer, writers)).isZero();
    }

    assertWholeLinesFrom(file, "one", "two");
  }

  @Test
  void linesOfTwoWritersOfOneJvmOnSeparateChannelsNeverInterleave() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    CountDownLatch ready = new CountDownLatch(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<CompletableFuture<Void>> writers = new ArrayList<>();
      for (String name : List.of("one", "two")) {
        AuditLog log = AuditLog.open(file, Clock.systemUTC());
        writers.add(
            CompletableFuture.runAsync(
                () -> {
                  ready.countDown();
                  try {
                    ready.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                  }
                  AuditLogAppender.append(log, name, LINES, SIZE);
                },
                threads));
      }
      CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }

    assertWholeLinesFrom(file, "one", "two");
  }

  private static void assertWholeLinesFrom(Path file, String... writers) throws IOException {
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(LINES * writers.length);
    for (String writer : writers) {
      List<Object> numbers = new ArrayList<>();
      for (String line : lines) {
        Map<String, Object> json = CliRun.object(line); // fails on a line mixed from two writers
        if (writer.equals(json.get("writer"))) {
          numbers.add(((Number) json.get("n")).intValue());
          String padding = (String) json.get("padding");
          assertThat(padding).hasSize(SIZE);
          assertThat(padding.chars().distinct().count()).isOne();
        }
      }
      assertThat(numbers)
          .as("each line of %s once, in order", writer)
          .isEqualTo(IntStream.range(0, LINES).boxed().toList());
    }
  }

  private String output(Process writer, List<Process> writers) throws IOException {
    String name = writers.indexOf(writer) == 0 ? "one" : "two";
    return Files.readString(dir.resolve(name + ".out"));
  }
}
