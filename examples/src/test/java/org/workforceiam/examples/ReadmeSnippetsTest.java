package org.workforceiam.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code ```java} block of the project's {@code README.md} against this module's
 * test class path, so that what a reader copies compiles.
 *
 * <p>The convention, for whoever writes a snippet:
 *
 * <ul>
 *   <li>A snippet shows no imports: every snippet gets the imports of {@link #PRELUDE} (the public
 *       packages of workforce-iam, the JDK's usual ones, JUnit, AssertJ's assertions and SLF4J's
 *       {@code Logger}). Add a package there when a snippet needs one.
 *   <li>A snippet that declares a type (it starts with {@code import}, an annotation, or a {@code
 *       class}, {@code interface}, {@code record} or {@code enum} declaration, not {@code public})
 *       is compiled as a source file. Any other snippet is a fragment, compiled as the body of a
 *       method that may throw any exception.
 *   <li>What a fragment uses without declaring it (a logger, the client an earlier snippet built, a
 *       method of the reader's application) is declared in an HTML comment right before the block,
 *       which Markdown does not show. Its text after {@code snippet context:} becomes members of
 *       the class around the fragment:
 *       <pre>
 * &lt;!-- snippet context: Logger log; void showOnce(String secret) {} --&gt;
 * ```java
 * </pre>
 *       Declare there only what a reader's own code provides; what the snippet is about belongs in
 *       the visible snippet.
 * </ul>
 *
 * <p>A failure lists every error as {@code README.md:line: message}, with the README's line.
 */
class ReadmeSnippetsTest {
  /** Surefire runs the tests in the module's directory; the README is the project's. */
  private static final Path README = Path.of("..", "README.md");

  /** The imports every snippet gets. */
  static final List<String> PRELUDE =
      List.of(
          "java.io.*",
          "java.nio.file.*",
          "java.time.*",
          "java.util.*",
          "java.util.concurrent.*",
          "java.util.stream.*",
          "javax.sql.DataSource",
          "com.zaxxer.hikari.*",
          "org.junit.jupiter.api.*",
          "org.slf4j.Logger",
          "org.workforceiam.core.*",
          "org.workforceiam.core.sync.*",
          "org.workforceiam.core.testing.*",
          "org.workforceiam.core.contract.*",
          "org.workforceiam.entra.*",
          "org.workforceiam.examples.*",
          "org.workforceiam.jdbc.*",
          "org.workforceiam.okta.*",
          "org.workforceiam.okta.simulator.*",
          "org.workforceiam.micrometer.*",
          "okhttp3.OkHttpClient",
          "io.micrometer.core.instrument.MeterRegistry",
          "static org.assertj.core.api.Assertions.*");

  private static final Pattern TYPE_DECLARATION =
      Pattern.compile("^(import |@|(abstract |final )?(class|interface|record|enum) ).*");
  private static final String CONTEXT = "snippet context:";

  @TempDir Path classes;

  @Test
  void everyJavaSnippetInTheReadmeCompiles() throws IOException {
    List<String> readme = Files.readAllLines(README, StandardCharsets.UTF_8);

    assertThat(snippets(readme)).as("```java blocks in README.md").hasSizeGreaterThanOrEqualTo(3);
    assertThat(compile("README.md", readme, classes)).isEmpty();
  }

  @Test
  void anErrorNamesTheReadmeLine() {
    List<String> markdown =
        List.of(
            "# Title",
            "<!-- snippet context: Logger log; -->",
            "```java",
            "log.info(\"fine\");",
            "UserId id = UserId.of(42);",
            "```");

    assertThat(compile("README.md", markdown, classes))
        .singleElement()
        .asString()
        .startsWith("README.md:5: ")
        .contains("UserId id = UserId.of(42);");
  }

  @Test
  void aTypeDeclarationCompilesAsASourceFileAndIndentedBlocksAreUnindented() {
    List<String> markdown =
        List.of(
            "1. A list item with a block:",
            "   ```java",
            "   class HelpdeskTest {",
            "     @Test",
            "     void finds() {",
            "       assertThat(GroupId.of(\"00gEmployees\").value()).isEqualTo(\"00gEmployees\");",
            "     }",
            "   }",
            "   ```");

    assertThat(snippets(markdown)).singleElement().extracting(Snippet::firstLine).isEqualTo(3);
    assertThat(compile("README.md", markdown, classes)).isEmpty();
  }

  /** A {@code ```java} block: its README line numbers, its context and its code. */
  record Snippet(int firstLine, int contextLine, String context, List<String> code) {
    boolean declaresTypes() {
      return code.stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("//"))
          .findFirst()
          .map(line -> TYPE_DECLARATION.matcher(line).matches())
          .orElse(false);
    }
  }

  static List<Snippet> snippets(List<String> markdown) {
    List<Snippet> snippets = new ArrayList<>();
    for (int i = 0; i < markdown.size(); i++) {
      String fence = markdown.get(i);
      if (!fence.strip().equals("```java")) {
        continue;
      }
      String indent = fence.substring(0, fence.indexOf('`'));
      List<String> code = new ArrayList<>();
      int end = i + 1;
      while (end < markdown.size() && !markdown.get(end).strip().equals("```")) {
        String line = markdown.get(end);
        code.add(line.startsWith(indent) ? line.substring(indent.length()) : line.strip());
        end++;
      }
      if (end == markdown.size()) {
        throw new IllegalStateException("line " + (i + 1) + ": the ```java block is never closed");
      }
      int contextLine = contextLine(markdown, i);
      String context = contextLine < 0 ? "" : context(markdown, contextLine, i);
      snippets.add(new Snippet(i + 2, contextLine + 1, context, code));
      i = end;
    }
    return snippets;
  }

  /** The index of the line that opens a snippet context comment right before a fence, or -1. */
  private static int contextLine(List<String> markdown, int fence) {
    int last = fence - 1;
    while (last >= 0 && markdown.get(last).isBlank()) {
      last--;
    }
    if (last < 0 || !markdown.get(last).strip().endsWith("-->")) {
      return -1;
    }
    for (int first = last; first >= 0; first--) {
      if (markdown.get(first).strip().startsWith("<!--")) {
        return markdown.get(first).contains(CONTEXT) ? first : -1;
      }
    }
    return -1;
  }

  private static String context(List<String> markdown, int first, int fence) {
    String comment = String.join(" ", markdown.subList(first, fence)).strip();
    return comment
        .substring(comment.indexOf(CONTEXT) + CONTEXT.length(), comment.lastIndexOf("-->"))
        .strip();
  }

  /**
   * Compiles every snippet of a Markdown text.
   *
   * @return the errors, each as {@code name:line: message} and the offending line; empty if all
   *     compile
   */
  static List<String> compile(String name, List<String> markdown, Path classes) {
    List<Source> sources = new ArrayList<>();
    for (Snippet snippet : snippets(markdown)) {
      sources.add(Source.of(snippet));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "--release",
              "17",
              "-proc:none",
              "-implicit:none",
              "-classpath",
              testClassPath(),
              "-d",
              classes.toString());
      javac.getTask(null, files, diagnostics, options, null, sources).call();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      if (d.getSource() instanceof Source source) {
        errors.add(
            name
                + ":"
                + source.markdownLine((int) d.getLineNumber())
                + ": "
                + d.getMessage(Locale.ROOT)
                + "\n    "
                + source.line((int) d.getLineNumber()));
      } else {
        errors.add(name + ": " + d.getMessage(Locale.ROOT));
      }
    }
    return errors;
  }

  /** Surefire's own class path is a manifest-only jar; it names the real one in this property. */
  private static String testClassPath() {
    return System.getProperty(
        "surefire.test.class.path", System.getProperty("java.class.path", File.pathSeparator));
  }

  /** A snippet as a Java source file, each of its lines tied to a line of the Markdown text. */
  static final class Source extends SimpleJavaFileObject {
    private final List<String> lines;
    private final List<Integer> markdownLines;

    private Source(String packageName, List<String> lines, List<Integer> markdownLines) {
      super(
          URI.create("string:///" + packageName.replace('.', '/') + "/Snippet.java"), Kind.SOURCE);
      this.lines = lines;
      this.markdownLines = markdownLines;
    }

    static Source of(Snippet snippet) {
      String packageName = "readme.line" + snippet.firstLine();
      List<String> lines = new ArrayList<>();
      List<Integer> markdownLines = new ArrayList<>();
      lines.add("package " + packageName + ";");
      markdownLines.add(snippet.firstLine());
      for (String imported : PRELUDE) {
        lines.add("import " + imported + ";");
        markdownLines.add(snippet.firstLine());
      }
      boolean fragment = !snippet.declaresTypes();
      if (fragment) {
        lines.add("class Snippet {");
        markdownLines.add(snippet.firstLine());
        lines.add(snippet.context());
        markdownLines.add(snippet.contextLine());
        lines.add("void snippet() throws Exception {");
        markdownLines.add(snippet.firstLine());
      }
      for (int i = 0; i < snippet.code().size(); i++) {
        lines.add(snippet.code().get(i));
        markdownLines.add(snippet.firstLine() + i);
      }
      if (fragment) {
        lines.add("}}");
        markdownLines.add(snippet.firstLine() + snippet.code().size() - 1);
      }
      return new Source(packageName, lines, markdownLines);
    }

    int markdownLine(int line) {
      return line >= 1 && line <= markdownLines.size() ? markdownLines.get(line - 1) : 0;
    }

    String line(int line) {
      return line >= 1 && line <= lines.size() ? lines.get(line - 1).strip() : "";
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return String.join("\n", lines) + "\n";
    }
  }
}
