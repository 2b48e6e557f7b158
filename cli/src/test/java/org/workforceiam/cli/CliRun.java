package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One run of the helpdesk CLI in-process, through {@link Helpdesk#run}, as a script sees it: the
 * exit code, stdout and stderr. What the libraries log (slf4j-simple writes to {@code System.err})
 * is captured apart, as {@link #logs()}: in the jar it goes to the same stderr.
 *
 * @param code the exit code
 * @param out what was printed on stdout
 * @param err what was printed on stderr by the CLI itself
 * @param logs what was logged to {@code System.err} during the run
 */
record CliRun(int code, String out, String err, String logs) {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  /** Runs the CLI with this environment and these arguments. */
  static CliRun of(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream systemErr = System.err;
    int code;
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    try {
      code = Helpdesk.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
    } finally {
      System.setErr(systemErr);
    }
    String logged = logs.toString(StandardCharsets.UTF_8);
    systemErr.print(logged); // still in the test's output, for whoever reads it
    return new CliRun(code, out.toString(), err.toString(), logged);
  }

  /** Everything that reached stderr in the jar: the CLI's own lines and the logs. */
  String allStderr() {
    return err + logs;
  }

  /** Stdout as one JSON object; fails unless it is exactly one. */
  Map<String, Object> json() {
    return object(out);
  }

  /** Stdout as JSON lines, one object a line. */
  List<Map<String, Object>> jsonLines() {
    return out.lines().map(CliRun::object).toList();
  }

  /** The single error line on stderr; fails unless stderr is exactly one line that starts so. */
  String errorLine() {
    assertThat(err.lines().toList())
        .as("stderr of a failed command is one error line")
        .singleElement()
        .asString()
        .startsWith("error: ")
        .doesNotContain("\tat ");
    return err.strip();
  }

  @SuppressWarnings("unchecked") // Moshi reads a JSON object as a Map<String, Object>
  static Map<String, Object> object(String text) {
    try {
      Object value = JSON.fromJson(text);
      assertThat(value).as("a JSON object: %s", text).isInstanceOf(Map.class);
      return (Map<String, Object>) value;
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err + "--- logs\n" + logs;
  }
}
